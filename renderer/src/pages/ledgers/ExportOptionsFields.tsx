import { Alert, Checkbox, Flex, Typography } from 'antd';

export interface ExportOptionValues {
  maskIdNumbers: boolean;
  includeAttentionDetails: boolean;
}

interface ExportOptionsFieldsProps {
  value: ExportOptionValues;
  onChange: (value: ExportOptionValues) => void;
  disabled?: boolean;
}

/** The two options of every export: mask 公民身份号码, and (off by default, with a warning) the 需关注 details. */
export function ExportOptionsFields({ value, onChange, disabled }: ExportOptionsFieldsProps) {
  return (
    <Flex vertical gap={8}>
      <Checkbox disabled={disabled} checked={value.maskIdNumbers} onChange={(event) => onChange({ ...value, maskIdNumbers: event.target.checked })}>
        隐藏身份证号中间位（只保留前6位和后4位），出生日期一并隐藏
      </Checkbox>
      <Checkbox
        disabled={disabled}
        checked={value.includeAttentionDetails}
        onChange={(event) => onChange({ ...value, includeAttentionDetails: event.target.checked })}
      >
        包含“需关注”详情
      </Checkbox>
      {value.includeAttentionDetails ? (
        <Alert
          type="warning"
          showIcon
          title="导出文件将包含思想状况为“需关注”的党员的具体表现、存在问题和帮扶措施"
          description="这些是敏感信息：只在上级确需查看时导出，文件请妥善保管，不要通过微信、QQ 等转发。"
        />
      ) : (
        <Typography.Text type="secondary">
          默认不导出：思想状况为“需关注”的党员只显示状况，具体表现、存在问题和帮扶措施留空。
        </Typography.Text>
      )}
    </Flex>
  );
}
