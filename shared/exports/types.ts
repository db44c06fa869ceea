import { DEFAULT_ANALYSIS_SETTINGS, type Analysis, type AnalysisSettings } from '../model/analysis';
import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { Rectification } from '../model/rectification';
import type { Talk } from '../model/talk';
import type { RuleSettings } from '../rules/settings';

/** Everything one branch's ledgers are built from. */
export interface LedgerDataset {
  /** The branch exported. */
  branch: Branch;
  /** Its members, 历史党员 (departure set) included. */
  members: Member[];
  meetings: Meeting[];
  talks: Talk[];
  analyses: Analysis[];
  rectifications: Rectification[];
  /** Which 思想状况 are sensitive (需关注). */
  analysisSettings: AnalysisSettings;
}

/**
 * The dataset of records that carry at least the ledgers (the demo branch, a backup's tables): only those fields are
 * taken, with the default 思想状况 settings unless others are given.
 */
export function ledgerDataset(
  records: Omit<LedgerDataset, 'analysisSettings'>,
  analysisSettings: AnalysisSettings = DEFAULT_ANALYSIS_SETTINGS,
): LedgerDataset {
  const { branch, members, meetings, talks, analyses, rectifications } = records;
  return { branch, members, meetings, talks, analyses, rectifications, analysisSettings };
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

export type LedgerExportKind = 'members' | 'meetings' | 'talks' | 'analyses' | 'rectifications' | 'organization';

export const LEDGER_EXPORT_KINDS: readonly LedgerExportKind[] = [
  'members',
  'meetings',
  'talks',
  'analyses',
  'rectifications',
  'organization',
];

/** File names inside the 检查材料包 and for single downloads. */
export const LEDGER_EXPORT_FILES: Record<LedgerExportKind, string> = {
  members: '01_党员花名册.xlsx',
  meetings: '02_三会一课台账.xlsx',
  talks: '03_谈心谈话台账.xlsx',
  analyses: '04_思想动态分析.xlsx',
  rectifications: '05_整改台账.xlsx',
  organization: '06_组织设置.xlsx',
};

export const SELF_CHECK_FILE = '00_自检报告.xlsx';

/** The ledger's name in titles. */
export const LEDGER_EXPORT_TITLES: Record<LedgerExportKind, string> = {
  members: '党员花名册',
  meetings: '“三会一课”台账',
  talks: '谈心谈话记录',
  analyses: '党员思想动态分析',
  rectifications: '问题整改台账',
  organization: '组织设置',
};
