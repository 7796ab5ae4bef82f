export default definePageConfig({
  navigationBarTitleText: '半年报告',
})
