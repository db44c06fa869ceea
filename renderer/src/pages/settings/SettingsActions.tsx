import { Button, Flex, Popconfirm, Typography } from 'antd';

interface Props {
  saving: boolean;
  /** What is not saved yet, in words; empty when nothing is. */
  unsaved: string;
  /** Without it, 保存 submits the form around the bar. */
  onSave?: () => void;
  onUndo: () => void;
  onRestore: () => Promise<void>;
  /** The 恢复默认 question, e.g. 把全部规则恢复为条例默认值？ */
  restoreQuestion: string;
  atDefaults: boolean;
}

/** The bar under a settings tab: 保存, 撤销修改, 恢复默认 (asked first), and what is not saved yet. */
export function SettingsActions({ saving, unsaved, onSave, onUndo, onRestore, restoreQuestion, atDefaults }: Props) {
  const dirty = unsaved !== '';
  return (
    <Flex gap={12} align="center" wrap style={{ position: 'sticky', bottom: 0, padding: '12px 0', marginTop: 8, background: '#f5f5f5' }}>
      <Button type="primary" htmlType={onSave ? 'button' : 'submit'} loading={saving} disabled={!dirty} onClick={onSave}>
        保存
      </Button>
      <Button disabled={!dirty || saving} onClick={onUndo}>
        撤销修改
      </Button>
      <Popconfirm title="恢复默认" description={restoreQuestion} okText="恢复默认" cancelText="取消" onConfirm={() => void onRestore()}>
        <Button danger disabled={atDefaults && !dirty} loading={saving}>
          恢复默认
        </Button>
      </Popconfirm>
      {dirty && <Typography.Text type="warning">{unsaved}</Typography.Text>}
    </Flex>
  );
}
