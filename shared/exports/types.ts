import { DEFAULT_ANALYSIS_SETTINGS, type AnalysisSettings } from '../model/analysis';
import type { Branch } from '../model/branch';
import { LEDGER_KINDS, type LedgerKind, type LedgerRecords } from '../model/kinds';
import type { RuleSettings } from '../rules/settings';
import { DEFAULT_DUES_SETTINGS, type DuesSettings } from '../dues/settings';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../training/settings';

/** Everything one branch's ledgers are built from: the branch, its records of every kind (members: 历史党员 too). */
export interface LedgerDataset extends LedgerRecords {
  /** The branch exported. */
  branch: Branch;
  /** Which 思想状况 are sensitive (需关注). */
  analysisSettings: AnalysisSettings;
  /** 设置 → 党费规定: the 自检报告 states its months (dues.unpaid, dues.lateBackPay). */
  duesSettings: DuesSettings;
  /** 设置 → 学时: the goals the 自检报告 and 学时统计 judge by. */
  trainingSettings: TrainingSettings;
}

/** The settings a dataset carries besides its records. */
export type DatasetSettings = Pick<LedgerDataset, 'analysisSettings' | 'duesSettings' | 'trainingSettings'>;

export const DEFAULT_DATASET_SETTINGS: DatasetSettings = {
  analysisSettings: DEFAULT_ANALYSIS_SETTINGS,
  duesSettings: DEFAULT_DUES_SETTINGS,
  trainingSettings: DEFAULT_TRAINING_SETTINGS,
};

/**
 * The dataset of records that carry at least the ledgers (the demo branch, a backup's tables): only those fields are
 * taken, with the default settings unless others are given.
 */
export function ledgerDataset(records: Pick<LedgerDataset, 'branch' | keyof LedgerRecords>, settings: Partial<DatasetSettings> = {}): LedgerDataset {
  const ledgers = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, records[kind]])) as unknown as LedgerRecords; // why: fromEntries loses the keys
  return { branch: records.branch, ...ledgers, ...DEFAULT_DATASET_SETTINGS, ...settings };
}

/** ISO calendar dates, both inclusive; label `2025年度` or `2025年1月1日至2025年6月30日`. */
export interface ExportPeriod {
  start: string;
  end: string;
  label: string;
}

export interface ExportOptions {
  period: ExportPeriod;
  /** `YYYY-MM-DD`: 导出日期, and "today" wherever a state depends on it. */
  generatedOn: string;
  /** 公民身份号码 shown as first 6 + last 4 digits. */
  maskIdNumbers?: boolean;
  /** Show 具体表现/存在问题/帮扶措施 of entries whose 思想状况 is sensitive (off by default). */
  includeAttentionDetails?: boolean;
  /** The rule settings in use, for the 自检报告's 要求 column; the 条例 defaults when absent. */
  ruleSettings?: RuleSettings;
}

/** What the 导出 tab and the package export: every ledger kind, and 06_组织设置 (entered in 设置, not imported). */
export type LedgerExportKind = LedgerKind | 'organization';

export const LEDGER_EXPORT_KINDS: readonly LedgerExportKind[] = [...LEDGER_KINDS, 'organization'];

/** 06_组织设置's file and title; the kinds' own are their specs' (shared/kinds LEDGER_EXPORT_FILES, …_TITLES). */
export const ORGANIZATION_EXPORT = { file: '06_组织设置.xlsx', title: '组织设置' } as const;

export const SELF_CHECK_FILE = '00_自检报告.xlsx';
