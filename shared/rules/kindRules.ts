import { SOURCES } from './sources';
import type { Finding } from './types';

/**
 * Ids, labels and sources of the rules of the three later ledger kinds (民主评议党员, 党费收缴, 学习培训学时).
 * Kept apart from RULE_IDS until the kinds are wired into the ledger registry and runAllRules: wiring is moving
 * these ids into RULE_IDS / RULE_LABELS and these sources into SOURCES, after which KindFinding is Finding.
 */
export const KIND_RULE_IDS = [
  'review.missing',
  'review.excellentQuota',
  'review.disposal',
  'dues.mismatch',
  'dues.unpaid',
  'dues.lateBackPay',
  'training.hours',
  'training.weeklyStudy',
] as const;
export type KindRuleId = (typeof KIND_RULE_IDS)[number];

export const KIND_RULE_LABELS: Record<KindRuleId, string> = {
  'review.missing': '民主评议结果',
  'review.excellentQuota': '优秀党员比例',
  'review.disposal': '评议结果处置',
  'dues.mismatch': '党费足额交纳',
  'dues.unpaid': '党费按月交纳',
  'dues.lateBackPay': '党费补交期限',
  'training.hours': '学习培训学时',
  'training.weeklyStudy': '每周一学',
};

/** A finding of one of these rules: the Finding shape with its own rule id. */
export interface KindFinding extends Omit<Finding, 'rule'> {
  rule: KindRuleId;
}

const DUES_REGULATION = '《关于中国共产党党费收缴、使用和管理的规定》';

/** Where each of these rules comes from (DOMAIN §1.5, §1.6, §1.2), quoted in every finding. */
export const KIND_SOURCES = {
  /** 民主评议党员 一般每年开展1次: every 正式党员 is graded. */
  reviewYearly: SOURCES.democraticReview,
  /** 优秀 ≤ 1/3: the usual 组织部门 rule for 民主评议, not an article of the 条例. */
  reviewQuota: '民主评议党员有关规定（评定为优秀的党员一般不超过参评正式党员的三分之一）',
  /** 基本合格 → 限期改进; 不合格 → 教育转化, 限期改正, 劝退 or 除名 (党章 第九条). */
  reviewDisposal: '《中国共产党章程》第九条；民主评议党员有关规定（基本合格的限期改进，不合格的按规定组织处置）',
  /** 党员应按月交纳党费, at the table's rate (第一条–第六条), 预备党员 from 支部大会通过之日 (第八条). */
  duesMonthly: `${DUES_REGULATION}（党员应按月足额交纳党费）`,
  duesProbationary: `${DUES_REGULATION}第八条`,
  /** 无正当理由连续6个月不交纳党费 → 自行脱党. */
  duesSixMonths: '《中国共产党章程》第九条',
  /** 补交党费一般不超过6个月. */
  duesBackPay: `${DUES_REGULATION}（补交党费一般不超过6个月）`,
  /** 32 / 56 学时 a year. */
  trainingHours: '《2019—2023年全国党员教育培训工作规划》（党员每年集中学习培训不少于32学时，基层党组织书记和班子成员不少于56学时）',
  /** 每周一学: a local practice. */
  weeklyStudy: '地方党组织常见要求（“每周一学”，条例未规定）',
} as const;

/** The records of one branch (the list itself when it holds no other: rules run over thousands of records). */
export function own<T extends { branchId: string }>(records: readonly T[], branchId: string): readonly T[] {
  return records.every((r) => r.branchId === branchId) ? records : records.filter((r) => r.branchId === branchId);
}
