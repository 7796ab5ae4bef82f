import {
  type RegisterKind,
  registerColumns,
  registerKindNames,
  registerOptional,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import StaffOnly from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { fetchRegisterImports } from '../../../services/registers'
import FilePicker from '../../imports/FilePicker'
import ImportHistory from '../../imports/ImportHistory'
import ImportReport from '../../imports/ImportReport'
import { useRegisterImport } from '../../imports/useRegisterImport'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 名录导入: a register file in, a report of what was accepted and rejected out. */
function RegisterImportPage() {
  return (
    <StaffOnly>
      <RegisterImportBody />
    </StaffOnly>
  )
}

function RegisterImportBody() {
  const history = useRemote(fetchRegisterImports)
  const upload = useRegisterImport(history.reload)
  const { kind } = upload
  return (
    <View className="page import">
      <View className="card">
        <Text className="card__title">1. 选择名录</Text>
        <View className="import__kinds">
          {(Object.keys(registerKindNames) as RegisterKind[]).map((option) => (
            <Text
              key={option}
              className={`import__kind${option === kind ? ' import__kind--on' : ''}`}
              onClick={() => upload.chooseKind(option)}
            >
              {registerKindNames[option]}
            </Text>
          ))}
        </View>
        <Text className="import__columns text-secondary">需要的列：{columnList(kind)}</Text>
        <Button className="btn" hoverClass="btn--pressed" onClick={upload.template}>
          下载空白模板
        </Button>
      </View>
      <View className="card">
        <Text className="card__title">2. 选择文件并上传</Text>
        <FilePicker file={upload.file} onPick={upload.setFile} />
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={!upload.file || upload.busy || undefined}
          onClick={upload.upload}
        >
          {upload.busy ? '正在导入…' : '上传并导入'}
        </Button>
      </View>
      {upload.report && (
        <ImportReport
          report={upload.report}
          onDownloadRejects={() => upload.report && upload.rejects(upload.report)}
        />
      )}
      <ImportHistory
        state={history.state}
        onDownloadRejects={upload.rejects}
        onRetry={history.reload}
      />
    </View>
  )
}

/** 姓名、身份证号（可选）…: the headers the file must have. */
function columnList(kind: RegisterKind): string {
  return Object.entries(registerColumns[kind])
    .map(([field, header]) =>
      registerOptional[kind].includes(field) ? `${header}（可选）` : header,
    )
    .join('、')
}

export default withPageFrame(RegisterImportPage)
