import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '@shared/model';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { analysisStore } from '../../db/analysisHooks';
import { failureMessage } from '../../components/formProblems';

interface AnalysisSettingsModalProps {
  open: boolean;
  settings: AnalysisSettings;
  onClose: () => void;
}

/** 分析设置: the list of 思想状况 (which are sensitive) and how often a 定期 analysis is due. */
export function AnalysisSettingsModal({ open, settings, onClose }: AnalysisSettingsModalProps) {
  const [form] = Form.useForm<AnalysisSettings>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const guard = useUnsavedChanges();
  const requestClose = () => guard.confirmLeave(onClose);

  async function save(values: AnalysisSettings) {
    setSaving(true);
    try {
      await analysisStore.saveSettings(values);
      message.success('分析设置已保存');
      guard.markClean();
      onClose();
    } catch (error) {
      message.error(error instanceof ValidationError ? error.message : failureMessage('保存', error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="分析设置"
      open={open}
      onCancel={requestClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Button onClick={() => form.setFieldsValue(structuredClone(DEFAULT_ANALYSIS_SETTINGS))}>恢复默认</Button>
          <Flex gap={8}>
            <Button onClick={requestClose}>取消</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              保存
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<AnalysisSettings> form={form} layout="vertical" initialValues={settings} preserve={false} onValuesChange={guard.markDirty} onFinish={(v) => void save(v)}>
        <Form.Item name="period" label="定期分析频次" tooltip="中央条例未规定次数，请按上级党组织要求选择">
          <Radio.Group
            options={[
              { value: '季度', label: '每季度一次' },
              { value: '半年', label: '每半年一次' },
            ]}
          />
        </Form.Item>
        <Typography.Text strong>思想状况</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          从上到下依次由好到差。标为“敏感”的状况默认隐藏，导出时不含具体情况。
        </Typography.Paragraph>
        <Form.List name="states">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写名称' }]} style={{ flex: 1 }}>
                    <Input aria-label={`思想状况${index + 1}`} maxLength={10} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'sensitive']} valuePropName="checked">
                    <Checkbox>敏感</Checkbox>
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除" disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ label: '', sensitive: false })} disabled={fields.length >= 10}>
                添加思想状况
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
