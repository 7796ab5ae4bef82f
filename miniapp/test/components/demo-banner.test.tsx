/// <reference types="vite/client" />
import { render, screen, waitFor } from '@testing-library/react'
import type { ComponentType } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { forgetDemoMode } from '../../src/hooks/useDemoMode'
import MemberStatusPage from '../../src/packageMember/pages/status'
import PrivacyPage from '../../src/pages/privacy'
import { installSession } from '../../src/services/session'
import { callsTo, ok, routeRequests, serviceStatus } from '../fixtures'
import { myMembership } from '../membership-fixtures'

const BANNER = '演示数据：本系统当前运行在演示模式，数据均为虚构'
const notice = { version: '2026-11-01', title: '党建通隐私保护指引', body: ['正文'] }

// app.config.ts calls Taro's build-time global; here it just returns the config.
vi.hoisted(() => {
  Object.assign(globalThis, { defineAppConfig: (config: unknown) => config })
})
const { default: appConfig } = await import('../../src/app.config')

const pages = [
  ...(appConfig.pages ?? []),
  ...(appConfig.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
]
const modules = import.meta.glob<{ default: ComponentType }>('../../src/**/pages/*/index.tsx')

beforeEach(() => {
  installSession()
  forgetDemoMode()
})

describe('demo banner', () => {
  // Every page is framed (withPageFrame): the banner, and WeChat's font size followed.
  // 附近 places the banner itself, beside its status card.
  it.each(pages)('%s carries it', async (page) => {
    const load = modules[`../../src/${page}.tsx`]
    expect(load, `no module for ${page}`).toBeTruthy()
    const module = await load?.()
    expect(module?.default.name).toBe('FramedPage')
  })

  it('shows above main- and sub-package pages while the server runs demo data, asked once', async () => {
    routeRequests({
      'GET /status': ok(serviceStatus({ demo: true })),
      'GET /privacy-notice': ok(notice),
      'GET /memberships/mine': ok({ membership: myMembership() }),
    })
    const first = render(<PrivacyPage />)
    expect(await screen.findByText(BANNER)).toBeTruthy()
    first.unmount()

    render(<MemberStatusPage />)
    expect(await screen.findByText(BANNER)).toBeTruthy()
    expect(callsTo('GET /status')).toHaveLength(1)
  })

  it('is absent when the server runs real data', async () => {
    routeRequests({
      'GET /status': ok(serviceStatus({ demo: false })),
      'GET /privacy-notice': ok(notice),
    })
    render(<PrivacyPage />)

    expect(await screen.findByText('党建通隐私保护指引')).toBeTruthy()
    await waitFor(() => expect(callsTo('GET /status')).toHaveLength(1))
    expect(screen.queryByText(BANNER)).toBeNull()
  })
})
