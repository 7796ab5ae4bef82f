import { chinaDate, type PublicPledge, publicStatusNames, reportOutcomeNames } from '@djt/shared'
import { PUBLIC_PAGE } from './pledges.view.ts'

/**
 * The plaque's plain-QR page as server-rendered HTML: a customer in a market basement on a
 * weak signal gets the verdict in the first few kilobytes, with no script to download and
 * run first (the mini-program's H5 build is over 200 KB compressed before it can even ask).
 * Rating and reporting stay in the full page, one tap away.
 */

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  )

/** A code shown in groups of five, as the plaque prints it. */
export const groupedCode = (code: string) => code.replace(/(.{5})(?=.)/g, '$1 ')

const day = (iso: string | null) => (iso ? chinaDate(iso) : '')

// Text sizes in rem: a phone's or browser's larger text setting grows them (1rem = 16 px).
const STYLE = `
body{margin:0;font:1rem/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#222}
main{max-width:640px;margin:0 auto;padding:12px;overflow-wrap:anywhere}
.demo{background:#fff3cd;color:#664d03;padding:6px 12px;text-align:center;font-size:.875rem}
.verdict{border-radius:12px;padding:16px;color:#fff;margin-bottom:12px}
.verdict h1{margin:0;font-size:1.75rem}.verdict p{margin:4px 0 0}
.valid{background:#1a7f37}.pending{background:#9a6700}.revoked,.invalid{background:#b42318}.suspended{background:#6e4c9e}.malformed{background:#57606a}
section{background:#fff;border-radius:12px;padding:12px 16px;margin-bottom:12px}
h2{font-size:1.0625rem;margin:0 0 6px}ul{margin:0;padding-left:20px}
.muted{color:#595959;font-size:.875rem}.code{font-family:monospace;letter-spacing:1px}
a.button{display:block;text-align:center;background:#c8161d;color:#fff;border-radius:24px;padding:12px;text-decoration:none;font-size:1.0625rem}
`

export interface PageContext {
  demo: boolean
}

function shell(title: string, body: string, context: PageContext): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${html(title)}</title><style>${STYLE}</style></head><body>${context.demo ? '<div class="demo">演示数据：本页内容为演示用，不是真实承诺</div>' : ''}<main>${body}</main></body></html>`
}

/** The full H5 page; `full=1` keeps it from being sent back here (index.html's inline script, miniapp/src/index.html). */
const fullPage = (code: string) => `/#/${PUBLIC_PAGE}?code=${encodeURIComponent(code)}&full=1`

/** The page for a code that names a pledge. */
export function pledgePage(pledge: PublicPledge, context: PageContext): string {
  const content = pledge.content
  const parts = [
    `<div class="verdict ${pledge.status}"><h1>${html(publicStatusNames[pledge.status])}</h1>${
      pledge.reason ? `<p>${html(pledge.reason)}</p>` : ''
    }<p class="code">查验码 ${html(groupedCode(pledge.code))}</p></div>`,
  ]
  if (content) {
    parts.push(
      `<section><h2>${html(pledge.title ?? '承诺')}</h2>` +
        `<p><b>${html(content.displayName)}</b>　${html(content.business)}${content.stall ? `　摊位 ${html(content.stall)}` : ''}</p>` +
        `<p>${html(content.role)}：${html(content.duties)}</p>` +
        `<ul>${content.promises.map((item) => `<li>${html(item.text)}</li>`).join('')}</ul>` +
        (pledge.issuer
          ? `<p class="muted">${html(pledge.issuer)}审核公示${pledge.approvedAt ? `，${day(pledge.approvedAt)}` : ''}</p>`
          : '') +
        '</section>',
    )
  }
  for (const award of pledge.awards)
    parts.push(
      `<section><h2>🏅 ${html(award.title)}</h2><p class="muted">${html(award.period)}</p></section>`,
    )
  const rating =
    pledge.rating.count > 0 && pledge.rating.average !== null
      ? `平均 ${pledge.rating.average.toFixed(1)} 分，共 ${pledge.rating.count} 条评价`
      : '暂无评价'
  parts.push(`<section><h2>群众评价</h2><p>${rating}</p></section>`)
  const handled = pledge.reports
  parts.push(
    `<section><h2>已核实的举报（${handled.length} 条）</h2>${
      handled.length === 0
        ? '<p class="muted">暂无已核实的举报</p>'
        : `<ul>${handled
            .map(
              (report) =>
                `<li>${day(report.at)} ${html(report.text)}<br><span class="muted">核查结论：${
                  report.outcome ? html(reportOutcomeNames[report.outcome]) : ''
                }${report.response ? `。${html(report.response)}` : ''}</span></li>`,
            )
            .join('')}</ul>`
    }${
      pledge.openReports > 0
        ? `<p class="muted">另有 ${pledge.openReports} 条举报正在核实，核实后在此公示结果。</p>`
        : ''
    }</section>`,
  )
  parts.push(`<a class="button" href="${html(fullPage(pledge.code))}">评价或举报</a>`)
  return shell(`${publicStatusNames[pledge.status]} · 党建通承诺查验`, parts.join(''), context)
}

/** A well-formed code nobody was given. */
export function unknownPage(code: string, reason: string, context: PageContext): string {
  return shell(
    '无效 · 党建通承诺查验',
    `<div class="verdict invalid"><h1>无效</h1><p>${html(reason)}</p><p class="code">查验码 ${html(groupedCode(code))}</p></div>`,
    context,
  )
}

/** Something that cannot be a code: a typo, not a forgery. */
export function malformedPage(message: string, context: PageContext): string {
  return shell(
    '查验码格式不对 · 党建通承诺查验',
    `<div class="verdict malformed"><h1>${html(message)}</h1><p>请对照承诺牌上的查验码重新输入，或直接扫描承诺牌上的二维码。</p></div>`,
    context,
  )
}
