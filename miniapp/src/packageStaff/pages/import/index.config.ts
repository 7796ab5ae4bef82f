export default definePageConfig({
  navigationBarTitleText: '名录导入',
})
