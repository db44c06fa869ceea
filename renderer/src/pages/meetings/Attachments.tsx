import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, List, Popconfirm, Select, Typography } from 'antd';
import { useRef } from 'react';
import { ATTACHMENT_KINDS, formatFileSize, MAX_ATTACHMENT_BYTES, type AttachmentKind } from '@shared/model';
import { meetingStore, useAttachments } from '../../db/meetingHooks';
import { AttachmentThumbnail, AttachmentUploadButton, downloadAttachment } from '../../components/AttachmentParts';
import { prepareFile, type PreparedFile } from './attachmentFiles';
import { messageOf } from '@shared/errors';

interface AttachmentItem {
  key: string;
  name: string;
  size: number;
  kind: AttachmentKind;
  data: Blob;
  thumbnail?: Blob;
}

interface AttachmentListProps {
  items: AttachmentItem[];
  onRemove: (item: AttachmentItem) => void;
  onKindChange: (item: AttachmentItem, kind: AttachmentKind) => void;
}

function AttachmentList({ items, onRemove, onKindChange }: AttachmentListProps) {
  if (items.length === 0) {
    return null;
  }
  return (
    <section aria-label="附件列表">
    <List
      size="small"
      dataSource={items}
      rowKey="key"
      renderItem={(item) => (
        <List.Item
          actions={[
            <Select<AttachmentKind>
              key="kind"
              size="small"
              aria-label={`${item.name} 附件类别`}
              value={item.kind}
              style={{ width: 110 }}
              options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: k }))}
              onChange={(kind) => onKindChange(item, kind)}
            />,
            <Button key="download" size="small" type="link" icon={<DownloadOutlined />} onClick={() => void downloadAttachment(item)}>
              下载
            </Button>,
            <Popconfirm key="remove" title={`删除附件“${item.name}”？`} okText="删除" cancelText="取消" onConfirm={() => onRemove(item)}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>,
          ]}
        >
          <List.Item.Meta
            avatar={<AttachmentThumbnail file={item} size={72} />}
            title={item.name}
            description={formatFileSize(item.size)}
          />
        </List.Item>
      )}
    />
    </section>
  );
}

const HINT = `签到表扫描件、会议照片、讲稿等材料，每个文件不超过 ${formatFileSize(MAX_ATTACHMENT_BYTES)}。`;

/** The attachments of a saved meeting: every change is written at once. */
export function MeetingAttachments({ meetingId }: { meetingId: string }) {
  const { message } = App.useApp();
  const attachments = useAttachments('meetings', meetingId);
  const items: AttachmentItem[] = (attachments ?? []).map((a) => ({ ...a, key: a.id }));

  async function add(file: File) {
    try {
      const prepared = await prepareFile(file);
      await meetingStore.addAttachment({ ownerTable: 'meetings', ownerId: meetingId, ...prepared });
      message.success(`已上传 ${file.name}`);
    } catch (error) {
      message.error(messageOf(error));
    }
  }

  return (
    <div>
      <Flex align="center" gap={12} wrap>
        <AttachmentUploadButton label="上传附件" onFile={(file) => void add(file)} />
        <Typography.Text type="secondary">{HINT}</Typography.Text>
      </Flex>
      <AttachmentList
        items={items}
        onRemove={(item) => void meetingStore.removeAttachment(item.key).catch((e: Error) => message.error(e.message))}
        onKindChange={(item, kind) => void meetingStore.setAttachmentKind(item.key, kind).catch((e: Error) => message.error(e.message))}
      />
    </div>
  );
}

/** Files chosen for a meeting not saved yet; they are stored right after the meeting. */
export function PendingAttachments({ value = [], onChange }: { value?: PreparedFile[]; onChange?: (files: PreparedFile[]) => void }) {
  const { message } = App.useApp();
  // Several files arrive one after another before a re-render: each adds to the newest list.
  const latest = useRef(value);
  latest.current = value;
  const change = (files: PreparedFile[]) => {
    latest.current = files;
    onChange?.(files);
  };

  async function add(file: File) {
    try {
      const prepared = await prepareFile(file);
      change([...latest.current, prepared]);
    } catch (error) {
      message.error(messageOf(error));
    }
  }

  const items: AttachmentItem[] = value.map((f) => ({ ...f, size: f.data.size }));
  return (
    <div>
      <Flex align="center" gap={12} wrap>
        <AttachmentUploadButton label="上传附件" onFile={(file) => void add(file)} />
        <Typography.Text type="secondary">{HINT}</Typography.Text>
      </Flex>
      <AttachmentList
        items={items}
        onRemove={(item) => change(latest.current.filter((f) => f.key !== item.key))}
        onKindChange={(item, kind) => change(latest.current.map((f) => (f.key === item.key ? { ...f, kind } : f)))}
      />
    </div>
  );
}
