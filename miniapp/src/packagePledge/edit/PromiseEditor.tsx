import type { PledgeTemplate } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import TextField from '../../components/TextField'
import {
  addOwnPromise,
  editPromise,
  MAX_PROMISES,
  type PledgeForm,
  removePromise,
  toggleTemplate,
} from './form-model'
import type { PledgeFormFields } from './usePledgeForm'

interface Props {
  form: PledgeFormFields
  templates: PledgeTemplate[]
}

/** 亮承诺: tap a bureau template to add or remove it; write up to eight in all. */
export default function PromiseEditor({ form: fields, templates }: Props) {
  const { values: form, errors } = fields
  // Each change replaces the list; the messages of the rows it changed go with it.
  const change = (next: PledgeForm) => fields.set('promises', next.promises)
  const full = form.promises.length >= MAX_PROMISES
  return (
    <View className="card" id="pledge-promises">
      <Text className="card__title">亮承诺</Text>
      <Text className="pledge-edit__hint text-secondary">点选下面的常用承诺，也可以自己写。</Text>
      <Text className="pledge-edit__count">{`已选 ${form.promises.length}/${MAX_PROMISES} 条`}</Text>
      <View className="pledge-edit__chips">
        {templates.map((template) => {
          const on = form.promises.some((row) => row.templateId === template.id)
          return (
            <Text
              key={template.id}
              className={`pledge-edit__chip${on ? ' pledge-edit__chip--on' : ''}`}
              onClick={() => change(toggleTemplate(form, template))}
            >
              {`${on ? '✓' : '+'} ${template.text}`}
            </Text>
          )
        })}
      </View>
      {form.promises.map((row, index) => (
        <View
          key={row.rowId ?? row.templateId ?? row.text}
          className="pledge-edit__promise"
          id={`pledge-promises-${index}`}
        >
          <Text className="pledge-edit__number">{index + 1}</Text>
          <View className="pledge-edit__promise-body">
            {row.templateId ? (
              <Text className="pledge-edit__promise-text">{row.text}</Text>
            ) : (
              <TextField
                label="自己写的承诺"
                placeholder="如：坏果包换，缺斤少两十倍赔"
                maxlength={60}
                value={row.text}
                error={errors[`promises.${index}`]}
                onChange={(text) => change(editPromise(form, index, text))}
              />
            )}
            {row.templateId && errors[`promises.${index}`] && (
              <Text className="pledge-edit__error">{errors[`promises.${index}`]}</Text>
            )}
          </View>
          <Text className="pledge-edit__remove" onClick={() => change(removePromise(form, index))}>
            删除
          </Text>
        </View>
      ))}
      {errors.promises && <Text className="pledge-edit__error">{errors.promises}</Text>}
      <Button
        className="btn"
        hoverClass="btn--pressed"
        disabled={full || undefined}
        onClick={() => change(addOwnPromise(form))}
      >
        {full ? `最多${MAX_PROMISES}条承诺` : '+ 自己写一条承诺'}
      </Button>
    </View>
  )
}
