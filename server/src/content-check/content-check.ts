import type { FieldError } from '@djt/shared'
import type { FastifyBaseLogger } from 'fastify'
import { SEC_LABELS, type SecScene, type SecVerdict } from '../wechat/msg-sec-check.ts'
import { BLOCKED_WORDS, PHONE_LIKE, REVIEW_WORDS } from './words.ts'

export interface CheckedText {
  /** The request path of the field, e.g. `body.content.promises.1.text`. */
  field: string
  /** Its name for the user, e.g. 第2条承诺. */
  label: string
  text: string
}

export interface ContentVerdict {
  /** Texts that may not be published, each naming its field. */
  blocked: FieldError[]
  /** What a reviewer should look at; the text still goes to staff. */
  notes: string[]
}

export interface ContentChecker {
  check(
    texts: CheckedText[],
    who: { openid?: string | null; scene: SecScene },
  ): Promise<ContentVerdict>
}

type MsgSecCheck = (content: string, openid: string, scene: SecScene) => Promise<SecVerdict>

/** Spaces, punctuation and full-width forms removed, so "赌 博" and "ＶＸ" still match. */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
}

function localCheck(item: CheckedText, verdict: ContentVerdict): void {
  const plain = folded(item.text)
  const blocked = BLOCKED_WORDS.find((word) => plain.includes(word))
  if (blocked) {
    verdict.blocked.push({
      field: item.field,
      message: `${item.label}含有不宜公开的内容（“${blocked}”），请修改后再提交`,
    })
    return
  }
  const flagged = REVIEW_WORDS.filter((word) => plain.includes(word))
  if (PHONE_LIKE.test(plain)) flagged.push('手机号码')
  if (flagged.length > 0) verdict.notes.push(`${item.label}含“${flagged.join('”“')}”，请人工核看`)
}

/**
 * The local word list always; WeChat's msgSecCheck as well when it is live and the writer
 * has an openid. WeChat being down never loses a submission: the text goes to a person.
 */
export function createContentChecker(
  msgSecCheck: MsgSecCheck | null,
  log: FastifyBaseLogger,
): ContentChecker {
  return {
    async check(texts, who) {
      const verdict: ContentVerdict = { blocked: [], notes: [] }
      for (const item of texts) localCheck(item, verdict)
      if (!msgSecCheck || !who.openid || verdict.blocked.length > 0) return verdict
      for (const item of texts) {
        try {
          const answer = await msgSecCheck(item.text, who.openid, who.scene)
          const label = SEC_LABELS[answer.label] ?? `标签${answer.label}`
          if (answer.suggest === 'risky')
            verdict.blocked.push({
              field: item.field,
              message: `${item.label}未通过微信内容安全检测（${label}），请修改后再提交`,
            })
          else if (answer.suggest === 'review')
            verdict.notes.push(`微信内容安全建议人工审核${item.label}（${label}）`)
        } catch (error) {
          log.warn({ err: error }, 'msgSecCheck failed; the text goes to staff unchecked')
          verdict.notes.push('微信内容安全检测暂不可用，请人工审核全文')
          break
        }
      }
      return verdict
    },
  }
}
