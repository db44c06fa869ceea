import type { AttachmentMeta } from '../model/attachment';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from './settings';
import type { RuleInput } from './types';

/**
 * The one way the rules' input is built, for the 工作台 (renderer/src/db/dashboardHooks.ts), the 检查材料包's 自检报告
 * (shared/package/findings.ts) and `npm run ledger -- self-check` (scripts/ledger/selfCheck.ts): the same records give
 * the same findings wherever they are judged. Every table the rules read is passed on (the CLI once left 思想动态分析
 * out, so analysis.due never fired there); records of other branches are left out.
 */
/**
 * The records the rules read, as the caller holds them: RuleInput's records (not its judgement), attachments with
 * their branch. 民主评议结果, 党费 and 学时 of any year: a table not given is not judged (its rules check nothing), as
 * a source that does not carry the kind cannot tell "none recorded" from "not kept here"; the app passes all three.
 */
export type RuleRecords = Omit<RuleInput, keyof RuleJudgement | 'attachments'> & {
  /** Only whose file each attachment is: a task's files are its 佐证材料. */
  attachments?: readonly (Pick<AttachmentMeta, 'ownerTable' | 'ownerId'> & { branchId?: string })[];
};

export interface RuleJudgement {
  year: number;
  /** `YYYY-MM-DD`: the day the rules judge on. */
  today: string;
  settings?: RuleSettings;
}

export function ruleInputFor(records: RuleRecords, judgement: RuleJudgement): RuleInput {
  const id = records.branch.id;
  const own = <T extends { branchId?: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).filter((row) => row.branchId === undefined || row.branchId === id);
  return {
    branch: records.branch,
    members: own(records.members),
    meetings: own(records.meetings),
    talks: own(records.talks),
    rectifications: own(records.rectifications),
    attachments: own(records.attachments).map((a) => ({ ownerTable: a.ownerTable, ownerId: a.ownerId })),
    analyses: own(records.analyses),
    ...(records.analysisSettings ? { analysisSettings: records.analysisSettings } : {}),
    ...(records.reviews ? { reviews: own(records.reviews) } : {}),
    ...(records.dues ? { dues: own(records.dues) } : {}),
    ...(records.training ? { training: own(records.training) } : {}),
    ...(records.duesSettings ? { duesSettings: records.duesSettings } : {}),
    ...(records.trainingSettings ? { trainingSettings: records.trainingSettings } : {}),
    settings: judgement.settings ?? DEFAULT_RULE_SETTINGS,
    today: judgement.today,
    year: judgement.year,
  };
}
