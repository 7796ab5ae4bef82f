export default definePageConfig({
  navigationBarTitleText: '承诺查验',
})
