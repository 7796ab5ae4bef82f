export default definePageConfig({
  navigationBarTitleText: '绑定动态验证码',
})
