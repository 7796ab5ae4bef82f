export default definePageConfig({
  navigationBarTitleText: '我的党员登记',
})
