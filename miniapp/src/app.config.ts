import { colours } from './styles/tokens'

export default defineAppConfig({
  pages: ['pages/nearby/index', 'pages/pledges/index', 'pages/me/index', 'pages/privacy/index'],
  // Staff pages load only when a staff member opens one: the rider's main package stays small.
  subPackages: [
    {
      root: 'packageStaff',
      pages: [
        'pages/login/index',
        'pages/mfa/index',
        'pages/review/index',
        'pages/review-detail/index',
        'pages/import/index',
        'pages/places/index',
        'pages/place-edit/index',
        'pages/place-import/index',
        'pages/checkins/index',
        'pages/pledges/index',
        'pages/pledge-detail/index',
        'pages/pledge-reports/index',
        'pages/pledge-ranking/index',
        'pages/work/index',
        'pages/platform-sites/index',
      ],
    },
    // Ledgers and half-year reports: staff only, and the only pages with charts.
    {
      root: 'packageLedger',
      pages: [
        'pages/dashboard/index',
        'pages/reports/index',
        'pages/report/index',
        'pages/records/index',
      ],
    },
    // 组织生活: activities near a member, sign-up and sign-in; the organiser's pages too.
    {
      root: 'packageActivity',
      pages: [
        'pages/nearby/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/staff-list/index',
        'pages/staff-edit/index',
        'pages/staff-detail/index',
      ],
    },
    // Riders' voices: difficulties (诉求) and 监督共治 reports, and the staff's queues.
    {
      root: 'packageVoice',
      pages: [
        'pages/mine/index',
        'pages/raise/index',
        'pages/staff-list/index',
        'pages/staff-detail/index',
        'pages/staff-hotspots/index',
        'pages/my-reports/index',
        'pages/report/index',
        'pages/staff-reports/index',
        'pages/staff-report/index',
      ],
    },
    // 最美骑手: the public list (anyone), the rider's own honours, the staff's nominations.
    {
      root: 'packageHonours',
      pages: [
        'pages/public/index',
        'pages/mine/index',
        'pages/staff-list/index',
        'pages/nominate/index',
      ],
    },
    // A place's page: opened from 附近 or by scanning its plaque.
    { root: 'packagePlace', pages: ['pages/detail/index'] },
    // Membership registration: riders who never register never download it.
    { root: 'packageMember', pages: ['pages/register/index', 'pages/status/index'] },
    // Pledges: the public page is what a plaque's QR opens, for anyone, signed in or not.
    {
      root: 'packagePledge',
      pages: ['pages/public/index', 'pages/mine/index', 'pages/edit/index'],
    },
  ],
  // A rider who opens 附近 is likely to open a place next: fetch its page on any network.
  preloadRule: { 'pages/nearby/index': { network: 'all', packages: ['packagePlace'] } },
  window: {
    navigationBarTitleText: '党建通',
    navigationBarBackgroundColor: colours.partyRed,
    navigationBarTextStyle: 'white',
    backgroundColor: colours.pageBg,
    backgroundTextStyle: 'dark',
  },
  // Icons are 81×81 PNGs of about 0.6 KB each, drawn in the two tab colours.
  tabBar: {
    color: colours.textSecondary,
    selectedColor: colours.partyRed,
    backgroundColor: colours.cardBg,
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/nearby/index',
        text: '附近',
        iconPath: 'assets/tabbar/nearby.png',
        selectedIconPath: 'assets/tabbar/nearby-active.png',
      },
      {
        pagePath: 'pages/pledges/index',
        text: '承诺',
        iconPath: 'assets/tabbar/pledges.png',
        selectedIconPath: 'assets/tabbar/pledges-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  // H5 page transitions slide; off keeps screenshots stable.
  animation: false,
  // chooseLocation: a market opener picks the market's position on the map.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找你附近的爱心驿站和流动党员党支部' },
  },
  // Privacy APIs wait for the user's consent; see src/privacy/.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  networkTimeout: { request: 10000, uploadFile: 10000, downloadFile: 10000, connectSocket: 10000 },
})
