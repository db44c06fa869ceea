import { CloudDownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { backupFileName, KEEP_DAILY, KEEP_MONTHLY, KEEP_PER_EVENT_KIND } from '@shared/backup';
import { formatFileSize } from '@shared/model';
import { appBackup, useBackupFolderStatus, useDailyBackup } from '../../db/backupHooks';
import { platform, type Platform } from '../../platform';
import { BACKUP_FILE_FILTERS, RestoreBackupButton } from './RestoreBackupButton';
import { messageOf } from '@shared/errors';


/** 设置 → 数据备份: a backup on demand, restore from a file, and (Electron) the automatic backups' folder. */
export function BackupTab() {
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);

  async function backupNow() {
    setSaving(true);
    try {
      const bytes = await appBackup.create();
      const now = dayjs();
      const result = await platform.saveFile({
        suggestedName: backupFileName('manual', now.format('YYYY-MM-DD'), now.format('HHmm')),
        data: bytes,
        filters: BACKUP_FILE_FILTERS,
      });
      if (result.saved) {
        message.success(`备份已保存${result.path ? `：${result.path}` : ''}（${formatFileSize(bytes.byteLength)}，已校验）`);
      }
    } catch (error) {
      modal.error({ title: '备份失败', content: messageOf(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 820 }}>
      <Card title="备份">
        <Typography.Paragraph>
          把全部数据（所有支部、党员、会议、谈话、整改和附件）保存为一个备份文件，写完后立即读回校验。建议定期备份，并把文件另存到U盘等其他位置。
        </Typography.Paragraph>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={saving} onClick={() => void backupNow()}>
          立即备份
        </Button>
      </Card>
      <Card title="从备份恢复">
        <Typography.Paragraph>
          选择一个备份文件，核对其中的支部、数量和备份时间后再恢复。损坏或被改动过的文件会被拒绝，当前数据不会改变。
        </Typography.Paragraph>
        <RestoreBackupButton />
      </Card>
      <Card title="自动备份">
        {platform.backupFolder ? (
          <AutomaticBackups folder={platform.backupFolder} />
        ) : (
          <Alert
            type="info"
            showIcon
            title="在浏览器中运行时没有备份文件夹"
            description="导入和恢复之前，当前数据会先以下载文件的形式备份；每日自动备份只在桌面版中进行。"
          />
        )}
      </Card>
    </Flex>
  );
}

function AutomaticBackups({ folder }: { folder: NonNullable<Platform['backupFolder']> }) {
  const { message } = App.useApp();
  const status = useBackupFolderStatus(folder);
  useDailyBackup(folder, (created) => created && status.refresh());

  async function openFolder() {
    const result = await folder.open();
    if (!result.opened) {
      message.error(`无法打开备份文件夹${result.error ? `：${result.error}` : ''}`);
    }
  }

  return (
    <>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="备份文件夹">
          <Typography.Text copyable={Boolean(status.location)}>{status.location ?? '…'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="最近一次自动备份">
          {status.last
            ? `${dayjs(status.last.modifiedAt).format('YYYY年M月D日 HH:mm')}（${status.last.name}，${formatFileSize(status.last.size)}）`
            : '还没有'}
        </Descriptions.Item>
        <Descriptions.Item label="保留规则">
          每天第一次打开时自动备份；保留最近 {KEEP_DAILY} 份每日备份，另保留最近 {KEEP_MONTHLY} 个月每月一份；导入、恢复前的备份各保留最近{' '}
          {KEEP_PER_EVENT_KIND} 份。
        </Descriptions.Item>
      </Descriptions>
      {status.error && <Alert type="error" showIcon title={`读取备份文件夹失败：${status.error}`} style={{ marginBottom: 16 }} />}
      <Button icon={<FolderOpenOutlined />} onClick={() => void openFolder()}>
        打开备份文件夹
      </Button>
    </>
  );
}
