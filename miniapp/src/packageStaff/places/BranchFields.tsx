import { View } from '@tarojs/components'
import SelectField, { optionsOf } from '../../components/SelectField'
import SwitchField from '../../components/SwitchField'
import TextField from '../../components/TextField'
import type { PlaceForm, PlaceFormErrors } from './form-model'

const orgForms = optionsOf({
  flow_branch: '流动党员党支部',
  joint_branch: '联合党支部',
  standalone_branch: '单独党支部',
})

interface Props {
  value: PlaceForm['branch']
  errors: PlaceFormErrors
  onChange: (value: PlaceForm['branch']) => void
}

/** A flow-member branch's own fields: its form, contact, and whether it takes check-ins. */
export default function BranchFields({ value: branch, errors, onChange }: Props) {
  const setBranch = (change: Partial<PlaceForm['branch']>) => onChange({ ...branch, ...change })
  return (
    <View id="field-branch">
      <SelectField
        label="党组织形式"
        options={orgForms}
        value={branch.orgForm}
        error={errors['branch.orgForm'] ?? errors.branch}
        onChange={(v) => setBranch({ orgForm: v })}
      />
      <TextField
        label="依托的市场或平台（可选）"
        placeholder="如：美团鼓楼站点"
        value={branch.affiliation}
        error={errors['branch.affiliation']}
        maxlength={100}
        onChange={(v) => setBranch({ affiliation: v })}
      />
      <TextField
        label="联系人"
        placeholder="姓名"
        value={branch.contactName}
        error={errors['branch.contactName']}
        maxlength={30}
        onChange={(v) => setBranch({ contactName: v })}
      />
      <TextField
        label="联系电话"
        placeholder="手机号或固定电话"
        value={branch.contactPhone}
        error={errors['branch.contactPhone']}
        maxlength={20}
        onChange={(v) => setBranch({ contactPhone: v })}
      />
      <SwitchField
        label="接收流动党员报到"
        value={branch.acceptsFlowMembers}
        onChange={(v) => setBranch({ acceptsFlowMembers: v })}
      />
    </View>
  )
}
