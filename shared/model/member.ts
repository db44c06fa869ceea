import { z } from 'zod';
import { addYears, formatDate, isoDateOrMonthSchema, isoDateSchema, monthsBetween, toComparableDate } from '../dates';
import { idSchema, recordMetaSchema } from './common';
import { checkIdNumber } from './idNumber';
import {
  DEPARTURE_REASONS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
} from './enums';

/** A member who left: kept as 历史党员, never deleted. */
export const departureSchema = z.object({
  reason: z.enum(DEPARTURE_REASONS),
  date: isoDateSchema,
  note: z.string().optional(),
});
export type Departure = z.infer<typeof departureSchema>;

/** The fields of 党员花名册 (DOMAIN §3.1); labels in MEMBER_FIELD_LABELS. */
export const memberFieldsSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名过长'),
  // 性别, 民族, 出生日期, 入党时间 and 党员类别 may be missing: an imported member is kept with the gaps flagged
  // (memberGaps), never left out of the roster for them.
  gender: z.enum(GENDERS, { message: '请选择性别' }).optional(),
  ethnicity: z.enum(ETHNICITIES, { message: '请选择民族' }).optional(),
  birthDate: isoDateOrMonthSchema.optional(),
  idNumber: z.string().trim().optional(),
  education: z.enum(EDUCATION_LEVELS).optional(),
  /** 入党时间 = the date the 支部大会 accepted him or her as 预备党员. */
  joinedOn: isoDateOrMonthSchema.optional(),
  /** 转正时间; 党龄 counts from here (党章 第七条). */
  confirmedOn: isoDateOrMonthSchema.optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  status: z.enum(MEMBER_STATUSES).default('正常'),
  partyGroupId: idSchema.optional(),
  jobTitle: z.string().trim().optional(),
  phone: z.string().trim().optional(),
  remarks: z.string().optional(),
  departure: departureSchema.optional(),
  /** 组织关系转入时间: when the membership moved into this branch (a 交流谈话 is due, 六必谈). */
  transferredInOn: isoDateOrMonthSchema.optional(),
  /** 受处分时间: the date of the latest 党纪处分 (an 教育谈话 is due, 六必谈). */
  disciplinedOn: isoDateOrMonthSchema.optional(),
});
export type MemberFields = z.infer<typeof memberFieldsSchema>;

export const memberSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(memberFieldsSchema.shape);
export type Member = z.infer<typeof memberSchema>;

/** The Chinese name of every field, used by the form, lists, messages and ledgers alike. */
export const MEMBER_FIELD_LABELS: Record<keyof MemberFields, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  education: '学历',
  joinedOn: '入党时间',
  confirmedOn: '转正时间',
  category: '党员类别',
  status: '党员状态',
  partyGroupId: '所在党小组',
  jobTitle: '工作岗位',
  phone: '联系电话',
  remarks: '备注',
  departure: '离开原因',
  transferredInOn: '组织关系转入时间',
  disciplinedOn: '受处分时间',
};

export interface FieldIssue {
  field: keyof MemberFields;
  severity: 'error' | 'warning';
  message: string;
}

export interface MemberValidationContext {
  /** Today, `YYYY-MM-DD`: no date may be later. */
  today: string;
  /** ID numbers of the other members of the same branch (normalised), to refuse duplicates. */
  otherIdNumbers?: ReadonlySet<string>;
}

/** The word the roster, the form and the rules use for an ID number that fails GB 11643. */
export const ID_UNVERIFIED = '待核对';

/**
 * Cross-field checks of a member beyond the zod shape: ID checksum and what it implies, no future dates,
 * 入党 at 18 or older, 转正 about a year after 入党. Errors block saving; warnings are shown and allowed.
 * An ID that fails its check is a warning (待核对): the record is kept as written and fixed later, and
 * nothing is derived from or compared with that number.
 */
export function checkMember(fields: Partial<MemberFields>, context: MemberValidationContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const error = (field: keyof MemberFields, message: string) => issues.push({ field, severity: 'error', message });
  const warn = (field: keyof MemberFields, message: string) => issues.push({ field, severity: 'warning', message });

  if (fields.idNumber) {
    const id = checkIdNumber(fields.idNumber);
    if (!id.ok) {
      warn('idNumber', `${ID_UNVERIFIED}：${id.message}`);
    } else {
      if (id.legacy) {
        warn('idNumber', '这是15位旧身份证号码，建议更新为18位号码');
      }
      if (fields.gender && fields.gender !== id.gender) {
        error('gender', `性别与公民身份号码不符：号码显示为${id.gender}`);
      }
      if (fields.birthDate && id.birthDate.slice(0, fields.birthDate.length) !== fields.birthDate) {
        error('birthDate', `出生日期与公民身份号码不符：号码显示为${formatDate(id.birthDate)}`);
      }
      if (context.otherIdNumbers?.has(id.normalized)) {
        error('idNumber', '本支部已有相同公民身份号码的党员，不能重复登记');
      }
    }
  }

  for (const field of ['birthDate', 'joinedOn', 'confirmedOn', 'transferredInOn', 'disciplinedOn'] as const) {
    const value = fields[field];
    if (value && toComparableDate(value) > context.today) {
      error(field, `${MEMBER_FIELD_LABELS[field]}不能晚于今天`);
    }
  }

  if (fields.birthDate && fields.joinedOn && toComparableDate(fields.joinedOn) < addYears(fields.birthDate, 18)) {
    error('joinedOn', '入党时间应在年满18周岁之后');
  }

  if (fields.category === '正式党员' && !fields.confirmedOn) {
    warn('confirmedOn', '正式党员应填写转正时间');
  }
  if (fields.category === '预备党员' && fields.confirmedOn) {
    error('confirmedOn', '预备党员尚未转正，不应填写转正时间');
  }
  if (fields.joinedOn && fields.confirmedOn) {
    const months = monthsBetween(fields.joinedOn, fields.confirmedOn);
    if (months < 0) {
      error('confirmedOn', '转正时间不能早于入党时间');
    } else if (months < 12 || months > 24) {
      // 预备期一年，可延长半年至一年 (党章 第七条).
      warn('confirmedOn', '转正时间一般在入党一年后（延长预备期不超过一年），请核对');
    }
  }
  return issues;
}

/** The fields a complete roster record has (DOMAIN §3.1 R); a member without one of them is 资料不全. */
export const COMPLETENESS_FIELDS = ['gender', 'ethnicity', 'birthDate', 'joinedOn', 'category', 'education'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface MemberGaps {
  /** Fields of COMPLETENESS_FIELDS that are empty, in that order. */
  missing: CompletenessField[];
  /** The 公民身份号码 as written does not pass GB 11643 (lost digits, wrong check digit): 待核对. */
  idNumberUnverified: boolean;
}

/** What a member's record lacks or must be checked: the one source for 资料不全 and 待核对 everywhere. */
export function memberGaps(member: Partial<MemberFields>): MemberGaps {
  const missing = COMPLETENESS_FIELDS.filter((field) => member[field] === undefined || member[field] === '');
  const idNumberUnverified = Boolean(member.idNumber) && !checkIdNumber(member.idNumber ?? '').ok;
  return { missing, idNumberUnverified };
}

export function isIncomplete(member: Partial<MemberFields>): boolean {
  const gaps = memberGaps(member);
  return gaps.missing.length > 0 || gaps.idNumberUnverified;
}

/** The word the roster shows on a record with a gap. */
export const INCOMPLETE = '资料不全';

/** The gaps in the user's words, in the form's order: `['民族', '入党时间', '公民身份号码待核对']`. */
export function gapLabels(gaps: MemberGaps): string[] {
  const labels: string[] = gaps.missing.map((field) => MEMBER_FIELD_LABELS[field]);
  if (gaps.idNumberUnverified) {
    labels.push(`${MEMBER_FIELD_LABELS.idNumber}${ID_UNVERIFIED}`);
  }
  return labels;
}

/** Active members are on the roster; those with a departure are 历史党员. */
export function isActiveMember(member: Pick<Member, 'departure'>): boolean {
  return !member.departure;
}

/** 预备期满 date: one year after 入党时间 (党章 第七条); unknown without 入党时间. */
export function probationEndDate(member: Pick<Member, 'joinedOn'>): string | undefined {
  return member.joinedOn ? addYears(member.joinedOn, 1) : undefined;
}

/** Fills 性别 and 出生日期 from a valid 公民身份号码 where they are empty, and normalises the number. */
export function completeFromIdNumber<T extends Partial<MemberFields>>(fields: T): T {
  if (!fields.idNumber) {
    return fields;
  }
  const id = checkIdNumber(fields.idNumber);
  if (!id.ok) {
    return fields;
  }
  return {
    ...fields,
    idNumber: id.normalized,
    gender: fields.gender ?? id.gender,
    birthDate: fields.birthDate ?? id.birthDate,
  };
}
