export default definePageConfig({
  // The page's <PageMeta> (components/PageFrame) follows WeChat's font size.
  enablePageMeta: true,
  navigationBarTitleText: '报告详情',
})
