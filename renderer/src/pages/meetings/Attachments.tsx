import { DeleteOutlined, DownloadOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, List, Popconfirm, Select, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_KINDS, formatFileSize, MAX_ATTACHMENT_BYTES, type AttachmentKind } from '@shared/model';
import { ValidationError } from '../../db';
import { meetingStore, useAttachments } from '../../db/meetingHooks';
import { platform } from '../../platform';
import { prepareFile, type PreparedFile } from './attachmentFiles';

/** An object URL for a Blob, revoked when the Blob changes or the component goes. */
function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return undefined;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}

interface AttachmentItem {
  key: string;
  name: string;
  size: number;
  kind: AttachmentKind;
  data: Blob;
  thumbnail?: Blob;
}

function Thumbnail({ item }: { item: AttachmentItem }) {
  const thumbnailUrl = useObjectUrl(item.thumbnail);
  const fullUrl = useObjectUrl(item.thumbnail ? item.data : undefined);
  if (!item.thumbnail) {
    return (
      <Flex align="center" justify="center" style={{ width: 72, height: 72, background: '#fafafa', border: '1px solid #f0f0f0' }}>
        <FileOutlined style={{ fontSize: 28, color: '#999' }} />
      </Flex>
    );
  }
  if (!thumbnailUrl) {
    return <div style={{ width: 72, height: 72 }} />;
  }
  return (
    <Image
      src={thumbnailUrl}
      alt={`${item.name} 缩略图`}
      width={72}
      height={72}
      style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }}
      preview={fullUrl ? { src: fullUrl } : false}
    />
  );
}

async function download(item: AttachmentItem) {
  await platform.saveFile({ suggestedName: item.name, data: new Uint8Array(await item.data.arrayBuffer()) });
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
            <Button key="download" size="small" type="link" icon={<DownloadOutlined />} onClick={() => void download(item)}>
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
            avatar={<Thumbnail item={item} />}
            title={item.name}
            description={formatFileSize(item.size)}
          />
        </List.Item>
      )}
    />
    </section>
  );
}

function UploadButton({ onFile }: { onFile: (file: File) => void }) {
  return (
    <Upload
      multiple
      showUploadList={false}
      beforeUpload={(file) => {
        onFile(file);
        // The repository stores the file; antd must not try to send it anywhere.
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<PaperClipOutlined />}>上传附件</Button>
    </Upload>
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
      message.error(error instanceof ValidationError || error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div>
      <Flex align="center" gap={12} wrap>
        <UploadButton onFile={(file) => void add(file)} />
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
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  const items: AttachmentItem[] = value.map((f) => ({ ...f, size: f.data.size }));
  return (
    <div>
      <Flex align="center" gap={12} wrap>
        <UploadButton onFile={(file) => void add(file)} />
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
