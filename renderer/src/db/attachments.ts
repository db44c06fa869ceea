import {
  attachmentSizeProblem,
  formatFileSize,
  guessAttachmentKind,
  isImageMimeType,
  type Attachment,
  type AttachmentKind,
  type AttachmentMeta,
  type AttachmentOwnerTable,
} from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { nowIso } from './audit';
import { branchIdOf, createRecord, getRecord, removeRecord, updateRecord, type RecordTable } from './records';

/**
 * Attachments: the files of a record (签到表 and photos of a meeting, 佐证材料 of a 整改任务), stored as Blobs
 * beside their metadata. Every add and delete is logged; the log keeps the metadata, never the bytes.
 */

export interface AttachmentInput {
  ownerTable: AttachmentOwnerTable;
  ownerId: string;
  name: string;
  mimeType?: string;
  data: Blob;
  /** For images: a small JPEG/PNG made by the page (canvas), shown in lists. */
  thumbnail?: Blob;
  kind?: AttachmentKind;
}

/** A record's attachment without its bytes. */
export function metaOf(attachment: Attachment): AttachmentMeta {
  const { data: _data, thumbnail: _thumbnail, ...meta } = attachment;
  return meta;
}

/**
 * Stores a file as a Blob, in the caller's transaction or its own; files over MAX_ATTACHMENT_BYTES are refused
 * with a message naming file and size.
 */
export async function addAttachment(db: BranchLedgerDatabase, input: AttachmentInput): Promise<AttachmentMeta> {
  const name = input.name.trim();
  if (!name) {
    throw new ValidationError([{ field: 'attachments', message: '附件缺少文件名' }]);
  }
  const tooLarge = attachmentSizeProblem(name, input.data.size);
  if (tooLarge) {
    throw new ValidationError([{ field: 'attachments', message: tooLarge }]);
  }
  const mimeType = input.mimeType || input.data.type || 'application/octet-stream';
  return db.transaction('rw', [db.attachments, db.auditLog, db.table(input.ownerTable)], async () => {
    // The owner must exist (「该会议记录不存在」 …); its branch is the file's.
    const branchId = branchIdOf(await getRecord(db, input.ownerTable, input.ownerId));
    const attachment: Attachment = {
      id: crypto.randomUUID(),
      branchId,
      ownerTable: input.ownerTable,
      ownerId: input.ownerId,
      name,
      mimeType,
      size: input.data.size,
      kind: input.kind ?? guessAttachmentKind(name, mimeType),
      createdAt: nowIso(),
      data: input.data,
      thumbnail: isImageMimeType(mimeType) ? input.thumbnail : undefined,
    };
    await createRecord(db, 'attachments', attachment, `上传附件 ${name}（${formatFileSize(attachment.size)}）`);
    return metaOf(attachment);
  });
}

export async function setAttachmentKind(db: BranchLedgerDatabase, id: string, kind: AttachmentKind): Promise<void> {
  await updateRecord(db, 'attachments', id, {
    next: (before) => (before.kind === kind ? undefined : { after: { ...before, kind }, summary: `附件 ${before.name} 改为${kind}` }),
  });
}

/** Deletes one file, in the caller's transaction or its own. */
export async function removeAttachment(db: BranchLedgerDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.attachments, db.auditLog, async () => {
    const before = await getRecord(db, 'attachments', id);
    await removeRecord(db, 'attachments', before, `删除附件 ${before.name}`);
  });
}

/** A record's attachments with their Blobs, oldest first. */
export async function listAttachments(db: BranchLedgerDatabase, ownerTable: AttachmentOwnerTable, ownerId: string): Promise<Attachment[]> {
  const rows = await db.attachments.where('[ownerTable+ownerId]').equals([ownerTable, ownerId]).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** How many files a record has. */
export function countAttachments(db: BranchLedgerDatabase, ownerTable: AttachmentOwnerTable, ownerId: string): Promise<number> {
  return db.attachments.where('[ownerTable+ownerId]').equals([ownerTable, ownerId]).count();
}

/** Number of files per record of one table in a branch (IndexedDB returns whole rows; only the owner is kept). */
export async function countAttachmentsByOwner(db: BranchLedgerDatabase, branchId: string, ownerTable: AttachmentOwnerTable): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.attachments
    .where('branchId')
    .equals(branchId)
    .each((file) => {
      if (file.ownerTable === ownerTable) {
        counts.set(file.ownerId, (counts.get(file.ownerId) ?? 0) + 1);
      }
    });
  return counts;
}

/** The branch's attachments without their bytes (the Blobs stay in IndexedDB until loadAttachmentBytes). */
export async function listAttachmentMeta(db: BranchLedgerDatabase, branchId: string): Promise<AttachmentMeta[]> {
  const metas: AttachmentMeta[] = [];
  // each() hands over one row at a time; only the metadata is kept (the row's Blob is a handle, not the bytes).
  await db.attachments
    .where('branchId')
    .equals(branchId)
    .each((row) => {
      metas.push(metaOf(row));
    });
  return metas;
}

/** One attachment's bytes; throws a Chinese message naming the file when it is gone. */
export async function loadAttachmentBytes(db: BranchLedgerDatabase, id: string): Promise<Uint8Array> {
  const row = await db.attachments.get(id);
  if (!row) {
    throw new Error(`附件（编号 ${id}）已不在本机数据中，请重新生成检查材料包`);
  }
  return new Uint8Array(await row.data.arrayBuffer());
}

/** How the log words a file deleted with the record it belongs to. */
const DELETED_WITH_OWNER: Readonly<Record<AttachmentOwnerTable, string>> = {
  meetings: '随会议删除附件',
  talks: '随谈话记录删除附件',
  analyses: '随思想动态分析删除附件',
  rectifications: '随整改任务删除佐证材料',
  branches: '随支部删除附件',
};

export function ownsAttachments(table: RecordTable): table is AttachmentOwnerTable {
  return Object.hasOwn(DELETED_WITH_OWNER, table);
}

/** Deletes a record's files as it is deleted, inside the caller's transaction, each with its audit entry. */
export async function removeAttachmentsOf(db: BranchLedgerDatabase, ownerTable: AttachmentOwnerTable, ownerId: string): Promise<void> {
  const files = await db.attachments.where('[ownerTable+ownerId]').equals([ownerTable, ownerId]).toArray();
  for (const file of files) {
    await removeRecord(db, 'attachments', file, `${DELETED_WITH_OWNER[ownerTable]} ${file.name}`);
  }
}
