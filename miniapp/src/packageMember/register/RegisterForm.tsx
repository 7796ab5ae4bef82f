import { chinaDateTime, type Me, membershipKindNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PhotoPicker from '../../components/PhotoPicker'
import TextAreaField from '../../components/TextAreaField'
import { mainPages } from '../../routes'
import type { FormBinding } from './bound'
import { MarketOpenerFields, OperatorFields, RiderFields } from './KindFields'
import type { useRegisterForm } from './useRegisterForm'

type RegisterFormHook = ReturnType<typeof useRegisterForm>

interface Props {
  user: Me
  form: RegisterFormHook
  onSubmitted: () => void
}

/** The form of the chosen kind, with the staff question when one waits, and its two buttons. */
export default function RegisterForm({ user, form, onSubmitted }: Props) {
  const { state } = form
  const { draft, mine } = state
  if (!draft) return null
  const binding: FormBinding = { draft, errors: state.errors, edit: form.edit }
  const masked = { mobile: mine?.mobileMasked ?? null, idNumber: mine?.idNumberMasked ?? null }

  return (
    <View>
      {!user.privacy && <PrivacyReminder />}
      <Notes state={state} />
      {mine?.state === 'needs_info' && <QuestionCard form={form} question={mine.question} />}
      <View className="register__kind-line">
        <Text>登记类型：{membershipKindNames[draft.kind]}</Text>
        {!mine && (
          <Text className="link register__change" onClick={form.changeKind}>
            更换
          </Text>
        )}
      </View>
      {draft.kind === 'rider' && <RiderFields form={binding} masked={masked} />}
      {draft.kind === 'operator' && <OperatorFields form={binding} masked={masked} />}
      {draft.kind === 'market_opener' && <MarketOpenerFields form={binding} masked={masked} />}
      {state.message && <Text className="register__error">{state.message}</Text>}
      <FormButtons form={form} onSubmitted={onSubmitted} />
    </View>
  )
}

/** The staff question and the member's reply, sent with the next 提交. */
function QuestionCard({ form, question }: { form: RegisterFormHook; question: string | null }) {
  return (
    <View className="card register__question" id="field-answer">
      <Text className="card__title">工作人员请你补充</Text>
      <Text className="register__question-text">{question ?? '请补充或更正登记信息。'}</Text>
      <TextAreaField
        label="补充说明"
        placeholder="请回答上面的问题，或说明你修改了哪些内容"
        value={form.state.answer}
        error={form.state.errors.answer}
        onChange={form.setAnswer}
      />
      <PhotoPicker
        label="附一张照片或截图（可选）"
        photoId={form.state.answerPhoto?.id}
        preview={form.state.answerPhoto?.preview ?? null}
        onChange={form.setAnswerPhoto}
        error={form.state.errors.answerPhotoId}
      />
    </View>
  )
}

/** 提交 always; 保存草稿 only before the entry was first submitted. */
function FormButtons({ form, onSubmitted }: Pick<Props, 'form' | 'onSubmitted'>) {
  const { busy } = form
  const { mine } = form.state
  const submit = async () => {
    if (await form.submit()) onSubmitted()
  }
  return (
    <>
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy !== null || undefined}
        onClick={submit}
      >
        {busy === 'submit' ? '正在提交…' : '提交'}
      </Button>
      {(!mine || mine.state === 'draft') && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          disabled={busy !== null || undefined}
          onClick={form.saveDraft}
        >
          {busy === 'save' ? '正在保存…' : '保存草稿'}
        </Button>
      )}
      <Text className="register__footnote text-secondary">
        填写内容会自动保存在本机，下次打开可继续填写。
      </Text>
    </>
  )
}

/** Registration is sensitive personal information: consent comes first (PIPL). */
function PrivacyReminder() {
  return (
    <View className="card register__privacy">
      <Text>党员身份属于敏感个人信息。提交前，请先阅读并同意隐私保护指引。</Text>
      <Button
        className="btn"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: mainPages.privacy })}
      >
        查看并同意隐私保护指引
      </Button>
    </View>
  )
}

function Notes({ state }: { state: RegisterFormHook['state'] }) {
  const { restored, loadProblem } = state
  return (
    <>
      {loadProblem && (
        <Text className="register__note">
          暂时无法获取已提交的登记（{loadProblem}），先显示本机保存的内容。
        </Text>
      )}
      {restored.source === 'local' && restored.savedAt && (
        <Text className="register__note">
          已恢复 {chinaDateTime(restored.savedAt)} 保存在本机的草稿。
        </Text>
      )}
    </>
  )
}
