import { render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import SelectField from '../../src/components/SelectField'

const options = [
  { value: '', label: '全部平台' },
  { value: 'meituan', label: '美团' },
  { value: 'eleme', label: '饿了么' },
]

/** What the browser's select shows: the text of its selected option. */
function shown(value: string): string {
  const { container } = render(
    <SelectField label="平台" options={options} value={value} onChange={() => undefined} />,
  )
  const select = container.querySelector('select')
  if (!select) throw new Error('no select rendered')
  return select.selectedOptions[0]?.textContent ?? ''
}

describe('SelectField in the browser', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('shows the current filter, 全部平台 too (an option worth the empty string)', () => {
    vi.stubEnv('TARO_ENV', 'h5')
    expect(shown('')).toBe('全部平台')
    expect(shown('eleme')).toBe('饿了么')
  })

  it('shows the placeholder only while nothing is chosen', () => {
    vi.stubEnv('TARO_ENV', 'h5')
    const { container } = render(
      <SelectField label="类型" options={options.slice(1)} value="" onChange={() => undefined} />,
    )
    const select = container.querySelector('select')
    expect(select?.selectedOptions[0]?.textContent).toBe('请选择')
    expect(select?.selectedOptions[0]?.disabled).toBe(true)
  })
})
