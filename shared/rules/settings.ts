import { z } from 'zod';
import { everyPeriodName, PERIOD_KINDS } from './periods';
import { SOURCES } from './sources';
import { readSettingsByKey } from './readSettings';

/**
 * Every frequency and threshold the rules check, with the 条例 value as default (DOMAIN §1, §10): local
 * 上级党组织 are often stricter, and some readings are disputed, so each one is a setting.
 * Stored under RULE_SETTINGS_KEY in the settings table; read with readRuleSettings.
 */

export const RULE_SETTINGS_KEY = 'ruleSettings';

/** 每<period>至少<minCount>次; `enabled: false` = 不检查. */
export const meetingFrequencySchema = z.object({
  enabled: z.boolean(),
  period: z.enum(PERIOD_KINDS),
  minCount: z.number().int().min(1).max(31),
});
export type MeetingFrequency = z.infer<typeof meetingFrequencySchema>;

/**
 * A share of a head-count: `inclusive: false` means "超过半数" (more than share × base, exactly half fails);
 * `inclusive: true` means "半数以上（含半数）".
 */
export const thresholdSchema = z.object({
  share: z.number().gt(0).lt(1),
  inclusive: z.boolean(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

/** Votes 赞成 needed: a share of the 应到会 (expected) or the 实到会 (present) members with a vote. */
export const passThresholdSchema = thresholdSchema.extend({
  base: z.enum(['expected', 'present']),
});
export type PassThreshold = z.infer<typeof passThresholdSchema>;

/** 支委之间: every pair of 支委 talks (第十九条), or not checked. */
export const TALK_COMMITTEE_PAIR_MODES = ['everyPair', 'off'] as const;
/**
 * 支委和党员之间: each 党员 talks with at least one 支委 (the usual reading), with the 书记, or with every 支委;
 * or not checked.
 */
export const TALK_COMMITTEE_MEMBER_MODES = ['anyCommitteeMember', 'secretary', 'everyPair', 'off'] as const;
/** 党员和党员之间: each 党员 talks with at least one other 党员, or every pair of 党员; or not checked. */
export const TALK_MEMBER_MEMBER_MODES = ['anyMember', 'everyPair', 'off'] as const;

const frequency = (period: MeetingFrequency['period'], minCount = 1, enabled = true): MeetingFrequency => ({
  enabled,
  period,
  minCount,
});
const MORE_THAN_HALF: Threshold = { share: 0.5, inclusive: false };
const MORE_THAN_HALF_OF_EXPECTED: PassThreshold = { ...MORE_THAN_HALF, base: 'expected' };

export const ruleSettingsSchema = z.object({
  partyCongress: meetingFrequencySchema.default(frequency('quarter')),
  committeeMeeting: meetingFrequencySchema.default(frequency('month')),
  partyGroupMeeting: meetingFrequencySchema.default(frequency('month')),
  partyLecture: meetingFrequencySchema.default(frequency('quarter')),
  themeDay: meetingFrequencySchema.default(frequency('month')),
  orgLife: meetingFrequencySchema.default(frequency('year')),
  democraticReview: meetingFrequencySchema.default(frequency('year')),

  partyCongressQuorum: thresholdSchema.default(MORE_THAN_HALF),
  partyCongressPass: passThresholdSchema.default(MORE_THAN_HALF_OF_EXPECTED),
  committeeQuorum: thresholdSchema.default(MORE_THAN_HALF),
  committeePass: passThresholdSchema.default(MORE_THAN_HALF_OF_EXPECTED),

  /** Talks per pair (or per 党员 in the "at least one" readings) per year. */
  talkMinPerPair: z.number().int().min(1).max(12).default(1),
  talkCommitteePairs: z.enum(TALK_COMMITTEE_PAIR_MODES).default('everyPair'),
  talkCommitteeMember: z.enum(TALK_COMMITTEE_MEMBER_MODES).default('anyCommitteeMember'),
  talkMemberMember: z.enum(TALK_MEMBER_MEMBER_MODES).default('anyMember'),
  /** 六必谈: days after the trigger within which the talk is still "待谈" (info), afterwards "该谈未谈". */
  mustTalk: z
    .object({ enabled: z.boolean(), graceDays: z.number().int().min(0).max(365) })
    .default({ enabled: true, graceDays: 30 }),

  /** 任期 for a committee that has none recorded; the committee's own termYears wins. */
  termYears: z.number().int().min(1).max(5).default(3),
  termWarningMonths: z.number().int().min(0).max(24).default(6),
  probationWarningMonths: z.number().int().min(0).max(12).default(1),

  minFullMembers: z.number().int().min(1).default(3),
  maxMembers: z.number().int().min(1).default(50),
  committeeFromFullMembers: z.number().int().min(1).default(7),
  maxCommitteeSize: z.number().int().min(1).default(7),
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;
export type RuleSettingKey = keyof RuleSettings;

export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.freeze(ruleSettingsSchema.parse({}));

/**
 * Settings as stored (possibly partial, from an older version, or hand-edited): every key that does not
 * validate falls back to its default instead of failing the whole dashboard.
 */
export function readRuleSettings(stored: unknown): RuleSettings {
  return readSettingsByKey(ruleSettingsSchema.shape, DEFAULT_RULE_SETTINGS, stored);
}

/** `每季度至少1次`, or `不检查`. */
export function frequencyLabel(frequency: MeetingFrequency): string {
  if (!frequency.enabled) {
    return '不检查';
  }
  return `${everyPeriodName(frequency.period)}至少${frequency.minCount}次`;
}

export interface RuleSettingChoice<T> {
  label: string;
  value: T;
  /** Where this choice comes from, when it is not the 条例 default. */
  source?: string;
}

export interface RuleSettingInfo<T> {
  /** 设置项 name shown in 设置. */
  label: string;
  group: '会议频次' | '会议表决' | '谈心谈话' | '换届与转正' | '组织设置';
  /** The 条例 value in words, e.g. `每季度至少1次（第十一条）`. */
  defaultLabel: string;
  /** The article behind the default. */
  source: string;
  note?: string;
  /** The default first, then the common local floors and alternative readings. */
  choices: readonly RuleSettingChoice<T>[];
}

export type RuleSettingChoices = { readonly [K in RuleSettingKey]: RuleSettingInfo<RuleSettings[K]> };

const frequencyChoice = (frequencyValue: MeetingFrequency, source?: string): RuleSettingChoice<MeetingFrequency> => ({
  label: frequencyLabel(frequencyValue),
  value: frequencyValue,
  source,
});

export const RULE_SETTING_CHOICES: RuleSettingChoices = {
  partyCongress: {
    label: '支部党员大会',
    group: '会议频次',
    defaultLabel: '每季度至少1次（第十一条）',
    source: SOURCES.partyCongress,
    choices: [frequencyChoice(frequency('quarter'))],
  },
  committeeMeeting: {
    label: '支部委员会会议',
    group: '会议频次',
    defaultLabel: '每月至少1次（第十二条）',
    source: SOURCES.committeeMeeting,
    note: '只对设立支部委员会的支部检查（正式党员7人以上，或已登记书记、副书记以外的委员）',
    choices: [frequencyChoice(frequency('month'))],
  },
  partyGroupMeeting: {
    label: '党小组会',
    group: '会议频次',
    defaultLabel: '每个党小组每月至少1次（第十三条）',
    source: SOURCES.partyGroupMeeting,
    choices: [frequencyChoice(frequency('month'))],
  },
  partyLecture: {
    label: '党课',
    group: '会议频次',
    defaultLabel: '每季度至少1次（地方常见要求；条例第十六条未规定党支部党课次数）',
    source: SOURCES.localRule,
    note: '《中国共产党支部工作条例（试行）》第十六条只要求党员按期参加党课、党组织书记每年至少讲1次党课，请按上级党组织要求选择',
    choices: [
      frequencyChoice(frequency('quarter'), SOURCES.localRule),
      frequencyChoice(frequency('halfYear'), SOURCES.localRule),
      frequencyChoice(frequency('year'), SOURCES.partyLecture),
      {
        label: '不检查（条例未规定党支部党课次数）',
        value: { enabled: false, period: 'quarter', minCount: 1 },
        source: SOURCES.partyLecture,
      },
    ],
  },
  themeDay: {
    label: '主题党日',
    group: '会议频次',
    defaultLabel: '每月1次（第十六条）',
    source: SOURCES.themeDay,
    choices: [frequencyChoice(frequency('month'))],
  },
  orgLife: {
    label: '组织生活会',
    group: '会议频次',
    defaultLabel: '每年至少1次，一般安排在第四季度（第十七条）',
    source: SOURCES.orgLife,
    choices: [frequencyChoice(frequency('year'))],
  },
  democraticReview: {
    label: '民主评议党员',
    group: '会议频次',
    defaultLabel: '每年1次（第十八条）',
    source: SOURCES.democraticReview,
    choices: [frequencyChoice(frequency('year'))],
  },
  partyCongressQuorum: {
    label: '党员大会表决的到会人数',
    group: '会议表决',
    defaultLabel: '有表决权的党员到会超过半数（第十一条“半数以上”按超过半数理解，恰好半数不足）',
    source: SOURCES.partyCongress,
    choices: [
      { label: '超过半数（恰好半数不足）', value: MORE_THAN_HALF },
      { label: '半数以上（含恰好半数）', value: { share: 0.5, inclusive: true }, source: SOURCES.localRule },
    ],
  },
  partyCongressPass: {
    label: '党员大会决议通过',
    group: '会议表决',
    defaultLabel: '赞成人数超过应到会有表决权党员的半数（第十一条）',
    source: SOURCES.partyCongress,
    choices: [
      { label: '赞成超过应到会有表决权党员的半数', value: MORE_THAN_HALF_OF_EXPECTED },
      {
        label: '赞成超过实到会有表决权党员的半数',
        value: { ...MORE_THAN_HALF, base: 'present' },
        source: '《中国共产党基层组织选举工作暂行条例》（1990年，已废止）',
      },
    ],
  },
  committeeQuorum: {
    label: '支委会到会人数',
    group: '会议表决',
    defaultLabel: '委员到会超过半数（第十二条）',
    source: SOURCES.committeeMeeting,
    choices: [
      { label: '超过半数（恰好半数不足）', value: MORE_THAN_HALF },
      { label: '半数以上（含恰好半数）', value: { share: 0.5, inclusive: true }, source: SOURCES.localRule },
    ],
  },
  committeePass: {
    label: '支委会决定通过',
    group: '会议表决',
    defaultLabel: '赞成超过应到会委员的半数（少数服从多数；条例未另行规定）',
    source: SOURCES.majority,
    choices: [
      { label: '赞成超过应到会委员的半数', value: MORE_THAN_HALF_OF_EXPECTED },
      { label: '赞成超过实到会委员的半数', value: { ...MORE_THAN_HALF, base: 'present' }, source: SOURCES.localRule },
    ],
  },
  talkMinPerPair: {
    label: '谈心谈话次数',
    group: '谈心谈话',
    defaultLabel: '每年一般不少于1次（第十九条）',
    source: SOURCES.talks,
    choices: [
      { label: '每年不少于1次', value: 1 },
      { label: '每年不少于2次', value: 2, source: SOURCES.localRule },
    ],
  },
  talkCommitteePairs: {
    label: '支委之间',
    group: '谈心谈话',
    defaultLabel: '每两名支委之间每年谈心谈话（第十九条）',
    source: SOURCES.talks,
    choices: [
      { label: '每两名支委之间都要谈', value: 'everyPair' },
      { label: '不检查', value: 'off' },
    ],
  },
  talkCommitteeMember: {
    label: '支委和党员之间',
    group: '谈心谈话',
    defaultLabel: '每名党员每年至少与1名支委谈心谈话（第十九条的通常理解）',
    source: SOURCES.talks,
    choices: [
      { label: '每名党员至少与1名支委谈', value: 'anyCommitteeMember' },
      { label: '书记与每名党员谈', value: 'secretary', source: SOURCES.localRule },
      { label: '每名支委与每名党员都要谈', value: 'everyPair', source: SOURCES.localRule },
      { label: '不检查', value: 'off' },
    ],
  },
  talkMemberMember: {
    label: '党员和党员之间',
    group: '谈心谈话',
    defaultLabel: '每名党员每年至少与1名其他党员谈心谈话（第十九条的通常理解）',
    source: SOURCES.talks,
    choices: [
      { label: '每名党员至少与1名其他党员谈', value: 'anyMember' },
      { label: '每两名党员之间都要谈', value: 'everyPair', source: SOURCES.localRule },
      { label: '不检查', value: 'off' },
    ],
  },
  mustTalk: {
    label: '必谈情形（六必谈）',
    group: '谈心谈话',
    defaultLabel: '发生后30天内谈话（条例未规定期限）',
    source: SOURCES.mustTalk,
    note: '新接收预备党员、转正、处分后教育谈话，组织关系转入后交流谈话，民主评议后年度总结谈话',
    choices: [
      { label: '30天内', value: { enabled: true, graceDays: 30 } },
      { label: '15天内', value: { enabled: true, graceDays: 15 }, source: SOURCES.localRule },
      { label: '60天内', value: { enabled: true, graceDays: 60 }, source: SOURCES.localRule },
      { label: '不检查', value: { enabled: false, graceDays: 30 } },
    ],
  },
  termYears: {
    label: '支部委员会任期',
    group: '换届与转正',
    defaultLabel: '3年（第六章；村、社区党支部5年）',
    source: SOURCES.committeeSetup,
    note: '支委会登记的任期年限优先',
    choices: [
      { label: '3年', value: 3 },
      { label: '5年（村、社区）', value: 5, source: SOURCES.committeeSetup },
    ],
  },
  termWarningMonths: {
    label: '换届提醒',
    group: '换届与转正',
    defaultLabel: '届满前6个月提醒',
    source: SOURCES.term,
    choices: [
      { label: '届满前6个月', value: 6 },
      { label: '届满前3个月', value: 3 },
      { label: '届满前12个月', value: 12 },
    ],
  },
  probationWarningMonths: {
    label: '转正提醒',
    group: '换届与转正',
    defaultLabel: '预备期满前1个月提醒（党章第七条：预备期满及时讨论转正）',
    source: SOURCES.probation,
    choices: [
      { label: '预备期满前1个月', value: 1 },
      { label: '预备期满前2个月', value: 2 },
      { label: '预备期满前3个月', value: 3 },
    ],
  },
  minFullMembers: {
    label: '成立党支部的正式党员人数',
    group: '组织设置',
    defaultLabel: '正式党员3人以上（第四条）',
    source: SOURCES.branchSetup,
    choices: [{ label: '3人', value: 3 }],
  },
  maxMembers: {
    label: '党支部党员人数上限',
    group: '组织设置',
    defaultLabel: '一般不超过50人（第四条）',
    source: SOURCES.branchSetup,
    choices: [{ label: '50人', value: 50 }],
  },
  committeeFromFullMembers: {
    label: '设立支部委员会的正式党员人数',
    group: '组织设置',
    defaultLabel: '正式党员7人以上（第六章）',
    source: SOURCES.committeeSetup,
    choices: [{ label: '7人', value: 7 }],
  },
  maxCommitteeSize: {
    label: '支部委员会人数上限',
    group: '组织设置',
    defaultLabel: '3至5人，一般不超过7人（第六章）',
    source: SOURCES.committeeSetup,
    choices: [
      { label: '7人', value: 7 },
      { label: '5人', value: 5, source: SOURCES.committeeSetup },
    ],
  },
};
