export default definePageConfig({
  // The page's <PageMeta> (components/PageFrame) follows WeChat's font size.
  enablePageMeta: true,
  navigationBarTitleText: '我的监督报告',
})
