export default definePageConfig({
  navigationBarTitleText: '本级工作',
})
