import { HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LEDGER_KINDS } from '@shared/kinds';
import { formatFileSize } from '@shared/model';
import { PACKAGE_COUNT_LABELS, PACKAGE_COUNT_UNITS } from '@shared/package/manifest';
import { appBackup, type BackupSummary } from '../../db/backupHooks';
import { platform } from '../../platform';
import { messageOf } from '@shared/errors';

export const BACKUP_FILE_FILTERS = [{ name: '支部台账备份', extensions: ['blbak', 'zip'] }];

/**
 * What the confirm dialog counts: every ledger kind's table, then the attachments, named and counted as a
 * 检查材料包 counts them (a kind's count keyed by its table: `党员 25 人`, `党费记录 243 条`).
 */
const COUNTED_TABLES = [...LEDGER_KINDS, 'attachments'];

interface Pending {
  name: string;
  bytes: Uint8Array;
  summary: BackupSummary;
}

/**
 * 从备份恢复: choose a file → verify and show what it holds → confirm → back up the current data (Electron:
 * into the backup folder; browser: as a download) → replace everything → say so. Used in 设置 → 数据备份
 * and on the welcome page (where there is no menu yet).
 */
export function RestoreBackupButton({ size }: { size?: 'middle' | 'large' }) {
  const { message, modal } = App.useApp();
  const [choosing, setChoosing] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  async function choose() {
    setChoosing(true);
    try {
      const [file] = await platform.openFiles({ filters: BACKUP_FILE_FILTERS });
      if (!file) {
        return;
      }
      const description = await appBackup.describe(file.data);
      if (!description.ok) {
        modal.error({ title: '无法从这个文件恢复', content: `${file.name}：${description.error}。当前数据没有任何改动。` });
        return;
      }
      setPending({ name: file.name, bytes: file.data, summary: description.summary });
    } catch (error) {
      modal.error({ title: '无法读取备份文件', content: messageOf(error) });
    } finally {
      setChoosing(false);
    }
  }

  async function restore(chosen: Pending) {
    setRestoring(true);
    try {
      if (!(await appBackup.isEmpty())) {
        const safety = await appBackup.beforeRiskyChange('before-restore', platform.backupFolder);
        if (!safety.savedToFolder) {
          const saved = await platform.saveFile({ suggestedName: safety.name, data: safety.bytes, filters: BACKUP_FILE_FILTERS });
          if (!saved.saved) {
            message.warning('未保存当前数据的备份，恢复已取消');
            return;
          }
        }
      }
      await appBackup.restore(chosen.bytes);
      setPending(null);
      message.success(`已从备份恢复（${dayjs(chosen.summary.createdAt).format('YYYY年M月D日 HH:mm')} 的数据）`);
    } catch (error) {
      modal.error({ title: '恢复失败', content: `${messageOf(error)}。当前数据没有任何改动。` });
    } finally {
      setRestoring(false);
    }
  }

  const summary = pending?.summary;
  return (
    <>
      <Button size={size} icon={<HistoryOutlined />} loading={choosing} onClick={() => void choose()}>
        从备份恢复
      </Button>
      <Modal
        title="从备份恢复"
        open={pending !== null}
        okText="替换为备份中的数据"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={restoring}
        onOk={() => pending && void restore(pending)}
        onCancel={() => !restoring && setPending(null)}
        destroyOnHidden
      >
        {summary && pending && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="文件">{pending.name}</Descriptions.Item>
              <Descriptions.Item label="备份时间">
                {dayjs(summary.createdAt).format('YYYY年M月D日 HH:mm')}（{summary.reasonLabel}）
              </Descriptions.Item>
              <Descriptions.Item label="支部">
                {summary.branches.length === 0 ? (
                  '无'
                ) : (
                  <ul aria-label="备份中的支部" style={{ margin: 0, paddingInlineStart: 18 }}>
                    {summary.branches.map((branch) => (
                      <li key={branch.id}>{branch.name}</li>
                    ))}
                  </ul>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="内容">
                {COUNTED_TABLES.map((table) => `${PACKAGE_COUNT_LABELS[table]} ${summary.tables[table] ?? 0} ${PACKAGE_COUNT_UNITS[table]}`).join('，')}
                {summary.binaryCount > 0 && (
                  <Typography.Text type="secondary">（附件文件共 {formatFileSize(summary.binaryBytes)}）</Typography.Text>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Alert
              type="warning"
              showIcon
              title="恢复会用备份中的数据替换这台电脑上的全部数据。"
              description={
                platform.backupFolder
                  ? '替换之前，会先把当前数据自动备份到备份文件夹。'
                  : '替换之前，会先把当前数据另存为一个备份文件（浏览器下载），以便需要时找回。'
              }
            />
          </>
        )}
      </Modal>
    </>
  );
}
