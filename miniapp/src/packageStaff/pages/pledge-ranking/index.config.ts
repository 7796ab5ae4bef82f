export default definePageConfig({
  navigationBarTitleText: '比作为排名',
})
