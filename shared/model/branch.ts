import { z } from 'zod';
import { addYears, isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';
import { COMMITTEE_ROLES, ORGANISATION_CATEGORIES } from './enums';

export const committeeMemberSchema = z.object({
  memberId: idSchema,
  role: z.enum(COMMITTEE_ROLES),
  /** 分工, free text (e.g. 负责宣传和意识形态工作). */
  duty: z.string().optional(),
});
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;

/** The current 支部委员会 (or, below 7 正式党员, just the 书记 and maybe a 副书记). */
export const committeeSchema = z.object({
  /** 选举日期: the term counts from here. */
  electedOn: isoDateSchema.optional(),
  /** 批复日期 of the 上级党组织. */
  approvedOn: isoDateSchema.optional(),
  approvalDocument: z.string().optional(),
  /** 任期年限: 3 for 机关 branches, 5 for 村、社区 (支部条例 第六章). */
  termYears: z.number().int().min(1).max(5).default(3),
  members: z.array(committeeMemberSchema).default([]),
});
export type Committee = z.infer<typeof committeeSchema>;

export const partyGroupSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, '请填写党小组名称'),
  /** 组长, a member of the branch. */
  leaderId: idSchema.optional(),
});
export type PartyGroup = z.infer<typeof partyGroupSchema>;

export const branchFieldsSchema = z.object({
  /** 支部全称 = 公章名称, e.g. 中共某某局机关第一支部委员会. */
  name: z.string().trim().min(1, '请填写支部全称'),
  /** 上级党组织, e.g. 中共某某局机关委员会. */
  parentOrganisation: z.string().trim().optional(),
  category: z.enum(ORGANISATION_CATEGORIES).default('党政机关'),
  foundedOn: isoDateSchema.optional(),
  /**
   * 台账起始日期: the day from which this app keeps the branch's ledger; nothing before it is reported missing.
   * Absent: the day the branch was created or its earliest record, whichever is earlier (ledgerStartOf).
   */
  ledgerStartsOn: isoDateSchema.optional(),
  committee: committeeSchema.default({ termYears: 3, members: [] }),
  partyGroups: z.array(partyGroupSchema).default([]),
  /** Demo data, marked 示例 everywhere and removable in 设置. */
  isDemo: z.boolean().default(false),
});

export const branchSchema = recordMetaSchema.extend(branchFieldsSchema.shape);
export type Branch = z.infer<typeof branchSchema>;
export type BranchFields = z.input<typeof branchFieldsSchema>;

/** Number of 正式党员 from which a 支部委员会 must be elected (支部条例 第六章). */
export const COMMITTEE_THRESHOLD = 7;

/** 届满日期: 选举日期 + 任期年限. */
export function termEndDate(committee: Committee): string | undefined {
  return committee.electedOn ? addYears(committee.electedOn, committee.termYears) : undefined;
}

/** The member who is 书记, if one is set. */
export function secretaryOf(branch: Pick<Branch, 'committee'>): string | undefined {
  return branch.committee.members.find((m) => m.role === '书记')?.memberId;
}

/** Below 7 正式党员 a branch has no committee, only a 书记 (and maybe a 副书记). */
export function allowedCommitteeRoles(fullMemberCount: number): readonly (typeof COMMITTEE_ROLES)[number][] {
  return fullMemberCount >= COMMITTEE_THRESHOLD ? COMMITTEE_ROLES : (['书记', '副书记'] as const);
}
