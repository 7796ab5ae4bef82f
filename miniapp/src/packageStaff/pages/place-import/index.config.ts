export default definePageConfig({
  navigationBarTitleText: '场所导入',
})
