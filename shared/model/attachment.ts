import { z } from 'zod';
import { idSchema } from './common';

/** Files belonging to a record (签到表 scans, photos, 佐证材料). The bytes are a Blob in the attachments table. */
export const ATTACHMENT_OWNER_TABLES = ['meetings', 'talks', 'analyses', 'rectifications', 'branches'] as const;

export const attachmentMetaSchema = z.object({
  id: idSchema,
  branchId: idSchema,
  ownerTable: z.enum(ATTACHMENT_OWNER_TABLES),
  ownerId: idSchema,
  name: z.string().min(1),
  mimeType: z.string(),
  size: z.number().int().min(0),
  kind: z.enum(['签到表', '照片', '文档', '佐证材料', '其他']).default('其他'),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;
/** The stored row: metadata plus the file itself (and a thumbnail for images). */
export type Attachment = AttachmentMeta & { data: Blob; thumbnail?: Blob };

/** Larger files are refused with a message: IndexedDB holds them, but backups and packages would balloon. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
