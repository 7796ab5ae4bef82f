export default definePageConfig({
  // The page's <PageMeta> (components/PageFrame) follows WeChat's font size.
  enablePageMeta: true,
  navigationBarTitleText: '承诺审核',
  onReachBottomDistance: 120,
})
