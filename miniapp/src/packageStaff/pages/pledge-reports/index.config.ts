export default definePageConfig({
  navigationBarTitleText: '群众举报',
})
