export default definePageConfig({
  navigationBarTitleText: '平台站点',
})
