export default definePageConfig({
  // The page's <PageMeta> (components/PageFrame) follows WeChat's font size.
  enablePageMeta: true,
  navigationBarTitleText: '绑定动态验证码',
})
