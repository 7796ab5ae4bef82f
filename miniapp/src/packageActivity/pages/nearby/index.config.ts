export default definePageConfig({
  // The page's <PageMeta> (components/PageFrame) follows WeChat's font size.
  enablePageMeta: true,
  navigationBarTitleText: '附近的组织生活',
})
