import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Popconfirm, Spin, Typography } from 'antd';
import { formatDateTime } from '@shared/dates';
import { formatFileSize, MAX_ATTACHMENT_BYTES, type Attachment } from '@shared/model';
import { rectificationStore, useEvidence } from '../../db/rectificationHooks';
import { AttachmentThumbnail, AttachmentUploadButton, downloadAttachment } from '../../components/AttachmentParts';
import { prepareFile } from '../meetings/attachmentFiles';
import { messageOf } from '@shared/errors';

/**
 * 佐证材料 of a task: files stored at once as attachments of kind 佐证材料 (same size guard and thumbnails as
 * meeting attachments). 销号 needs at least one.
 */
export function EvidenceFiles({ taskId, readOnly = false }: { taskId: string; /** 已销号: view and download only. */ readOnly?: boolean }) {
  const { message } = App.useApp();
  const files = useEvidence(taskId);

  async function add(file: File) {
    try {
      const { key: _key, kind: _kind, ...prepared } = await prepareFile(file);
      await rectificationStore.addEvidence(taskId, prepared);
      message.success(`已上传佐证材料 ${file.name}`);
    } catch (error) {
      message.error(messageOf(error));
    }
  }

  async function remove(file: Attachment) {
    try {
      await rectificationStore.removeEvidence(file.id);
      message.success(`已删除 ${file.name}`);
    } catch (error) {
      message.error(messageOf(error));
    }
  }

  return (
    <div>
      {readOnly ? (
        <Typography.Text type="secondary">已销号：佐证材料按销号时留档，只能查看和下载。</Typography.Text>
      ) : (
        <Flex align="center" gap={12} wrap>
          <AttachmentUploadButton label="上传佐证材料" onFile={(file) => void add(file)} />
          <Typography.Text type="secondary">
            整改完成的照片、文件、会议记录扫描件等，每个文件不超过 {formatFileSize(MAX_ATTACHMENT_BYTES)}。
          </Typography.Text>
        </Flex>
      )}
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
                  <Button key="download" size="small" type="link" icon={<DownloadOutlined />} onClick={() => void downloadAttachment(file)}>
                    下载
                  </Button>,
                  ...(readOnly
                    ? []
                    : [
                        <Popconfirm key="remove" title={`删除佐证材料“${file.name}”？`} okText="删除" cancelText="取消" onConfirm={() => void remove(file)}>
                          <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]),
                ]}
              >
                <List.Item.Meta avatar={<AttachmentThumbnail file={file} size={56} />} title={file.name} description={`${formatFileSize(file.size)} · 上传于 ${formatDateTime(file.createdAt)}`} />
              </List.Item>
            )}
          />
        </section>
      )}
    </div>
  );
}
