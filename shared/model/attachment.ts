import { z } from 'zod';
import { idSchema } from './common';

/** Files belonging to a record (签到表 scans, photos, 佐证材料). The bytes are a Blob in the attachments table. */
export const ATTACHMENT_OWNER_TABLES = ['meetings', 'talks', 'analyses', 'rectifications', 'branches'] as const;
export type AttachmentOwnerTable = (typeof ATTACHMENT_OWNER_TABLES)[number];

export const ATTACHMENT_KINDS = ['签到表', '照片', '文档', '佐证材料', '其他'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const attachmentMetaSchema = z.object({
  id: idSchema,
  branchId: idSchema,
  ownerTable: z.enum(ATTACHMENT_OWNER_TABLES),
  ownerId: idSchema,
  name: z.string().trim().min(1, '附件缺少文件名'),
  mimeType: z.string(),
  size: z.number().int().min(0),
  kind: z.enum(ATTACHMENT_KINDS).default('其他'),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;
/** The stored row: metadata plus the file itself (and a thumbnail for images). */
export type Attachment = AttachmentMeta & { data: Blob; thumbnail?: Blob };

/** Larger files are refused with a message: IndexedDB holds them, but backups and packages would balloon. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** 512 B, 12.3 KB, 4.5 MB, 50 MB: sizes as shown next to a file. */
export function formatFileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

/** The refusal shown for a file over MAX_ATTACHMENT_BYTES, naming it and its size; undefined when it fits. */
export function attachmentSizeProblem(name: string, size: number, limit: number = MAX_ATTACHMENT_BYTES): string | undefined {
  if (size <= limit) {
    return undefined;
  }
  return `附件“${name}”大小为 ${formatFileSize(size)}，超过 ${formatFileSize(limit)} 的上限，未保存。请压缩或拆分后再上传。`;
}

export function isImageMimeType(mimeType: string): boolean {
  return /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(mimeType);
}

/** A first guess at 附件类别 from the file; the user can change it. */
export function guessAttachmentKind(name: string, mimeType: string): AttachmentKind {
  if (/签到/.test(name)) {
    return '签到表';
  }
  if (isImageMimeType(mimeType)) {
    return '照片';
  }
  if (/\.(docx?|pdf|xlsx?|pptx?|wps|txt|ofd)$/i.test(name)) {
    return '文档';
  }
  return '其他';
}
