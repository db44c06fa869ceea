/**
 * Excel exports: every ledger of a period (the same headers the importer reads, so an exported ledger re-imports),
 * blank templates with dropdowns and 填表说明, and the 自检报告. Pure: bytes out, no DOM, no Node.
 */
export { LEDGER_EXPORT_FILES, LEDGER_EXPORT_TITLES, templateOf } from '../kinds';
export {
  LEDGER_EXPORT_KINDS,
  SELF_CHECK_FILE,
  ledgerDataset,
  DEFAULT_DATASET_SETTINGS,
  type DatasetSettings,
  type ExportOptions,
  type ExportPeriod,
  type LedgerDataset,
  type LedgerExportKind,
} from './types';
export { yearPeriod, rangePeriod, isInPeriod } from './period';
export { maskIdNumber } from './mask';
export {
  buildLedgerWorkbook,
  buildLedgerWorkbookParts,
  ledgerRowCount,
  ROWS_PER_PART,
  type LedgerWorkbookPart,
} from './workbook';
export { buildTemplateWorkbook, TEMPLATE_ROWS, type LedgerTemplate } from './templates';
export { buildSelfCheckWorkbook, selfCheckRows, type SelfCheckRow } from './selfCheck';
export { addPackageCover, groupFingerprint, FINGERPRINT_LABEL, COVER_SHEET, type PackageCover } from './packageCover';
export { membersInPeriod } from './members';
export { meetingsInPeriod, typeMonthMatrix } from './meetings';
export { talksInPeriod } from './talks';
export { analysisRowsInPeriod } from './analyses';
export { rectificationsInPeriod } from './rectifications';
