import { residentIdCheckChar } from '@djt/shared'
import type { Browser, Page } from 'playwright-core'

/** The demo staff accounts' password (server/src/staff/staff.demo-seed.ts). */
export const DEMO_PASSWORD = 'Demo-Lantern-2026!'

/** A JSON call to the running server's API, as a signed-in account (or none) makes it. */
export type Call = <T>(url: string, token: string | null, body?: unknown) => Promise<T>

export function apiCaller(serverUrl: string): Call {
  return async <T>(url: string, token: string | null, body?: unknown): Promise<T> => {
    const res = await fetch(`${serverUrl}/api/v1${url}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}

export interface TestRider {
  /** The WeChat dev-mode code's name part and the rider's name: distinct per test file. */
  label: string
  /** 0–99: makes the ID number, mobile and rider id distinct. */
  n: number
  /** Eight digits of birth date, so two files' riders never share an ID number. */
  birth: string
}

/**
 * A rider of 鼓楼区 who signs in through WeChat (dev mode), accepts the notice and submits a
 * membership; returns the rider's token and name.
 */
export async function registerRider(serverUrl: string, rider: TestRider) {
  const call = apiCaller(serverUrl)
  const { accessToken } = await call<{ accessToken: string }>('/auth/wechat', null, {
    code: `dev:${rider.label}骑手${rider.n}`,
  })
  const notice = await call<{ version: string }>('/privacy-notice', accessToken)
  await call('/me/privacy-consent', accessToken, { version: notice.version })
  const serial = String(100 + rider.n).padStart(3, '0')
  const first17 = `350102${rider.birth}${serial}`
  const name = `${rider.label}测试${String(rider.n).padStart(2, '0')}号`
  await call('/memberships', accessToken, {
    action: 'submit',
    form: {
      kind: 'rider',
      name,
      mobile: `138${rider.birth.slice(2, 6)}${String(1000 + rider.n)}`,
      idNumber: first17 + residentIdCheckChar(first17),
      workRegionCode: '350102',
      orgName: '中共福州市鼓楼区某社区委员会',
      orgRegionCode: '350102',
      memberType: 'full',
      joinedOn: '2015-07-01',
      flowMember: true,
      wantsLocalBranch: true,
      platform: 'meituan',
      riderId: `MT-${rider.birth.slice(2, 6)}${serial}`,
      deliveryStation: '鼓楼东街站',
    },
  })
  return { accessToken, name }
}

/** A staff member signed in through 我的 in a fresh context of the given size. */
export async function signedInStaff(
  browser: Browser,
  serverUrl: string,
  viewport: { width: number; height: number },
  username = 'demo.gulou',
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${serverUrl}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill(username)
  await page.locator('input[placeholder="密码"]').fill(DEMO_PASSWORD)
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('半年报告', { exact: true }).waitFor({ timeout: 15_000 })
  return page
}
