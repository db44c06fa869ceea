/**
 * The limits of every archive the app reads, in one place. Each is far above what the app itself writes or a
 * real branch produces, and far below what would take the renderer's memory.
 */
import type { ZipLimits } from './zip';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * An .xlsx ledger: no real ledger comes near 200 MB of XML (50,000 rows of a wide roster are about 40 MB), and a
 * part that inflates over 500 times its compressed size is a bomb, not a table.
 */
export const LEDGER_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxNameBytes: 1024,
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 200 * MB,
  maxRatio: 500,
};

/** ExcelJS inflates every entry and keeps a document model ~30 times the XML: only small files go to it. */
export const EXCELJS_ZIP_LIMITS: ZipLimits = { ...LEDGER_ZIP_LIMITS, maxEntryBytes: 32 * MB, maxTotalBytes: 32 * MB };

/**
 * A 检查材料包: a branch-year with photos. Attachments are at most 50 MB each and a ledger part holds 10,000 rows,
 * so an entry over 256 MB is not ours; 4 GB is more than a package loaded into one window can be anyway. Entries
 * are hashed as they inflate, never held whole.
 */
export const PACKAGE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxNameBytes: 1024,
  maxEntryBytes: 256 * MB,
  maxTotalBytes: 4 * GB,
  maxRatio: 500,
};

/**
 * A .blbak backup: data.json of a big 机关党委 stays far below 256 MB, attachments below 50 MB each, and a restore
 * holds everything at once (one transaction), so 2 GB in all. Attachments are stored, JSON compresses about
 * tenfold: a ratio of 100 leaves room and stops bombs early.
 */
export const BACKUP_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxNameBytes: 1024,
  maxEntryBytes: 256 * MB,
  maxTotalBytes: 2 * GB,
  maxRatio: 100,
};
