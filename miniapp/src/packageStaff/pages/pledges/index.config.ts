export default definePageConfig({
  navigationBarTitleText: '承诺审核',
  onReachBottomDistance: 120,
})
