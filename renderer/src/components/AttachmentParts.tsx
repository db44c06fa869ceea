import { FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { platform } from '../platform';

/** The pieces every attachment list shares (会议附件, 整改佐证材料): thumbnails, download, upload. */

/** An object URL for a Blob, revoked when the Blob changes or the component goes. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
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

export interface ThumbnailFile {
  name: string;
  data: Blob;
  thumbnail?: Blob;
}

/** A square thumbnail that opens the full picture, or a file icon for what has no thumbnail (PDF, Word…). */
export function AttachmentThumbnail({ file, size }: { file: ThumbnailFile; size: number }) {
  const thumbnailUrl = useObjectUrl(file.thumbnail);
  const fullUrl = useObjectUrl(file.thumbnail ? file.data : undefined);
  if (!file.thumbnail) {
    return (
      <Flex align="center" justify="center" style={{ width: size, height: size, background: '#fafafa', border: '1px solid #f0f0f0' }}>
        <FileOutlined style={{ fontSize: Math.round(size * 0.4), color: '#999' }} />
      </Flex>
    );
  }
  if (!thumbnailUrl) {
    return <div style={{ width: size, height: size }} />;
  }
  return (
    <Image
      src={thumbnailUrl}
      alt={`${file.name} 缩略图`}
      width={size}
      height={size}
      style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }}
      preview={fullUrl ? { src: fullUrl } : false}
    />
  );
}

/** Saves a stored file under its own name through the platform (a download in the browser, a dialog in Electron). */
export async function downloadAttachment(file: { name: string; data: Blob }): Promise<void> {
  await platform.saveFile({ suggestedName: file.name, data: new Uint8Array(await file.data.arrayBuffer()) });
}

/** Picks files and hands each to `onFile`; nothing is uploaded anywhere (the app is offline). */
export function AttachmentUploadButton({ label, onFile }: { label: string; onFile: (file: File) => void }) {
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
      <Button icon={<PaperClipOutlined />}>{label}</Button>
    </Upload>
  );
}
