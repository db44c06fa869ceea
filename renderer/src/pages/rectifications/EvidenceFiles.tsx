import { DeleteOutlined, DownloadOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Image, List, Popconfirm, Spin, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@shared/dates';
import { formatFileSize, MAX_ATTACHMENT_BYTES, type Attachment } from '@shared/model';
import { rectificationStore, useEvidence } from '../../db/rectificationHooks';
import { platform } from '../../platform';
import { prepareFile } from '../meetings/attachmentFiles';

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

function Preview({ file }: { file: Attachment }) {
  const thumbnailUrl = useObjectUrl(file.thumbnail);
  const fullUrl = useObjectUrl(file.thumbnail ? file.data : undefined);
  if (!file.thumbnail || !thumbnailUrl) {
    return (
      <Flex align="center" justify="center" style={{ width: 56, height: 56, background: '#fafafa', border: '1px solid #f0f0f0' }}>
        <FileOutlined style={{ fontSize: 24, color: '#999' }} />
      </Flex>
    );
  }
  return (
    <Image
      src={thumbnailUrl}
      alt={`${file.name} 缩略图`}
      width={56}
      height={56}
      style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }}
      preview={fullUrl ? { src: fullUrl } : false}
    />
  );
}

async function download(file: Attachment) {
  await platform.saveFile({ suggestedName: file.name, data: new Uint8Array(await file.data.arrayBuffer()) });
}

/**
 * 佐证材料 of a task: files stored at once as attachments of kind 佐证材料 (same size guard and thumbnails as
 * meeting attachments). 销号 needs at least one.
 */
export function EvidenceFiles({ taskId }: { taskId: string }) {
  const { message } = App.useApp();
  const files = useEvidence(taskId);

  async function add(file: File) {
    try {
      const { key: _key, kind: _kind, ...prepared } = await prepareFile(file);
      await rectificationStore.addEvidence(taskId, prepared);
      message.success(`已上传佐证材料 ${file.name}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  async function remove(file: Attachment) {
    try {
      await rectificationStore.removeEvidence(file.id);
      message.success(`已删除 ${file.name}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div>
      <Flex align="center" gap={12} wrap>
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file);
            // Stored by the repository; antd must not send it anywhere.
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<PaperClipOutlined />}>上传佐证材料</Button>
        </Upload>
        <Typography.Text type="secondary">
          整改完成的照片、文件、会议记录扫描件等，每个文件不超过 {formatFileSize(MAX_ATTACHMENT_BYTES)}。
        </Typography.Text>
      </Flex>
      {files === undefined ? (
        <Spin />
      ) : files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未上传佐证材料" />
      ) : (
        <section aria-label="佐证材料列表">
          <List
            size="small"
            dataSource={files}
            rowKey="id"
            renderItem={(file) => (
              <List.Item
                actions={[
                  <Button key="download" size="small" type="link" icon={<DownloadOutlined />} onClick={() => void download(file)}>
                    下载
                  </Button>,
                  <Popconfirm key="remove" title={`删除佐证材料“${file.name}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(file)}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                      删除
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta avatar={<Preview file={file} />} title={file.name} description={`${formatFileSize(file.size)} · 上传于 ${formatDateTime(file.createdAt)}`} />
              </List.Item>
            )}
          />
        </section>
      )}
    </div>
  );
}
