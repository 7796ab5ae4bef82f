import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import RegisterImportPage from '../../src/packageStaff/pages/import'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe } from '../fixtures'

const report = {
  id: '5e0b2c1d-3f4a-4b5c-8d9e-0a1b2c3d4e5f',
  kind: 'party_list',
  fileName: '党员名单.csv',
  regionCode: '350102',
  importedBy: '林晓',
  startedAt: '2026-11-05T02:00:00.000Z',
  finishedAt: '2026-11-05T02:00:01.000Z',
  rowsRead: 10,
  rowsAccepted: 8,
  rowsRejected: 2,
  evidenceRecomputed: 3,
  rejected: [
    { line: 4, field: 'idNumber', reason: '身份证号校验位不正确' },
    { line: 9, field: null, reason: '与第 2 行重复' },
  ],
}

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
  fetchMock = vi.fn(async () => new Response(JSON.stringify(report), { status: 201 }))
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('register import page', () => {
  it('uploads the chosen file for the chosen register and shows the report', async () => {
    const { rejected: _rows, ...past } = report
    let imports: unknown[] = []
    routeRequests({ 'GET /registers/imports': () => ok({ items: imports }) })
    render(<RegisterImportPage />)
    expect(await screen.findByText('还没有导入过名录。')).toBeTruthy()

    fireEvent.click(screen.getByText('党组织党员名单'))
    expect(screen.getByText(/需要的列：姓名、身份证号（可选）、手机号（可选）/)).toBeTruthy()
    const file = new File(['姓名\n'], '党员名单.csv', { type: 'text/csv' })
    fireEvent.change(screen.getByLabelText('选择名录文件'), { target: { files: [file] } })
    expect(screen.getByText('已选择：党员名单.csv')).toBeTruthy()
    imports = [past]
    fireEvent.click(screen.getByRole('button', { name: '上传并导入' }))

    expect(await screen.findByText('第 4 行 · 身份证号：身份证号校验位不正确')).toBeTruthy()
    expect(screen.getByText('第 9 行 · 整行：与第 2 行重复')).toBeTruthy()
    expect(screen.getByText('已重新比对 3 条待核验登记。')).toBeTruthy()
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/registers/party_list/imports')
    expect(await screen.findByText('党组织党员名单 · 党员名单.csv')).toBeTruthy()
    expect(callsTo('GET /registers/imports')).toHaveLength(2)
    expect(screen.getAllByText('下载拒收报告')).toHaveLength(2)
  })

  it('cannot upload before a file is chosen', async () => {
    routeRequests({ 'GET /registers/imports': ok({ items: [] }) })
    render(<RegisterImportPage />)

    const button = screen.getByRole('button', { name: '上传并导入' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
  })
})
