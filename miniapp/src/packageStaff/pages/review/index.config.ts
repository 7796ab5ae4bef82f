export default definePageConfig({
  navigationBarTitleText: '登记核验',
  onReachBottomDistance: 120,
})
