import { z } from 'zod';
import { checkIdNumber } from '../../model/idNumber';
import {
  completeFromIdNumber,
  checkMember,
  memberFieldsSchema,
  COMPLETENESS_FIELDS,
  memberGaps,
  MEMBER_FIELD_LABELS,
} from '../../model/member';
import {
  DEPARTURE_REASONS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  PARTY_POSTS,
} from '../../model/enums';
import { normalizeToken } from '../normalize';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordContext, RecordResult } from '../types';
import { cellText, enumParser, parseDate, parseIdNumber, parsePhone, parseText } from '../values';

/** 党员花名册 (DOMAIN §3.1): columns, their header synonyms, and the record an imported row becomes. */

export type MemberColumnField =
  | 'name' | 'gender' | 'ethnicity' | 'birthDate' | 'idNumber' | 'education' | 'joinedOn' | 'confirmedOn'
  | 'category' | 'status' | 'partyGroupName' | 'partyPost' | 'jobTitle' | 'phone' | 'remarks' | 'branchName';

/** A roster row ready to be saved: the party group and branch are still names; the import maps them to ids. */
export const importedMemberSchema = memberFieldsSchema
  .omit({ partyGroupId: true, departure: true })
  .extend({
    partyGroupName: z.string().optional(),
    branchName: z.string().optional(),
    // Read and shown, never stored: 党内职务 comes from the committee in 支部信息 (shared/branch/posts.ts).
    partyPost: z.enum(PARTY_POSTS).optional(),
  });
export type ImportedMember = z.infer<typeof importedMemberSchema>;

// 56 民族 without 族 (汉 → 汉族), and misspellings seen in public code lists (DOMAIN §3.11a).
const ETHNICITY_ALIASES: Record<string, (typeof ETHNICITIES)[number]> = {
  ...Object.fromEntries(ETHNICITIES.filter((e) => e.endsWith('族')).map((e) => [e.slice(0, -1), e])),
  僳僳族: '傈僳族',
  额伦春族: '鄂伦春族',
  穿青人: '其他',
  未识别民族: '其他',
  外国血统: '外国血统中国籍人士',
};

const EDUCATION_ALIASES: Record<string, (typeof EDUCATION_LEVELS)[number]> = {
  博士: '研究生', 博士研究生: '研究生', 硕士: '研究生', 硕士研究生: '研究生', 研究生毕业: '研究生', 在职研究生: '研究生',
  本科: '大学本科', 大学: '大学本科', 本科毕业: '大学本科', 学士: '大学本科',
  大专: '大学专科', 专科: '大学专科', 高职: '大学专科',
  中等专科: '中专', 中师: '中专', 职高: '中专',
  高中: '高中、中技', 中技: '高中、中技', 高中中技: '高中、中技', '高中/中技': '高中、中技', 技校: '高中、中技',
  初中: '初中及以下', 小学: '初中及以下', 初中以下: '初中及以下',
};

const CATEGORY_ALIASES: Record<string, (typeof MEMBER_CATEGORIES)[number]> = {
  正式: '正式党员', 党员: '正式党员', 中共党员: '正式党员', 中国共产党党员: '正式党员',
  预备: '预备党员', 中共预备党员: '预备党员', 预备期: '预备党员',
};

const STATUS_ALIASES: Record<string, (typeof MEMBER_STATUSES)[number]> = {
  在册: '正常', 正常党员: '正常', 在职: '正常', 退休: '正常', 已退休: '正常', 离退休: '正常',
  流动: '流动党员', 外出流动: '流动党员',
  挂职: '暂时转出', 外出挂职: '暂时转出', 借调: '暂时转出',
  失去联系: '失联', 失联党员: '失联',
};

const PARTY_POST_ALIASES: Record<string, (typeof PARTY_POSTS)[number]> = {
  支部书记: '书记', 党支部书记: '书记', 支委书记: '书记',
  支部副书记: '副书记', 党支部副书记: '副书记',
  支部委员: '其他委员', 支委: '其他委员', 委员: '其他委员', 支委委员: '其他委员',
  组长: '党小组长', 小组长: '党小组长', 党小组组长: '党小组长',
  无: '党员', 普通党员: '党员', '-': '党员', '/': '党员',
};

const parseStatusEnum = enumParser('党员状态', MEMBER_STATUSES, STATUS_ALIASES);
const LEFT = new Set<string>([...DEPARTURE_REASONS, '开除党籍', '已转出', '已出党', '已故', '去世']);

/** 停止党籍/出党/转出… are 历史党员: say so instead of "not a valid status". */
const parseStatus: CellParser = (cell) => {
  const raw = normalizeToken(cellText(cell));
  if (LEFT.has(raw)) {
    return {
      ok: false,
      refuse: true,
      message: `“${raw}”的党员已不在册，不能作为在册党员导入。请从表中删去该行，或导入后在系统中登记为历史党员`,
    };
  }
  return parseStatusEnum(cell);
};

const parseCategory = enumParser('党员类别', MEMBER_CATEGORIES, CATEGORY_ALIASES);

const columns: ColumnDefinition<MemberColumnField>[] = [
  { field: 'name', label: '姓名', headers: ['姓名', '党员姓名', '名字'], parse: parseText, required: true },
  { field: 'gender', label: '性别', headers: ['性别'], parse: enumParser('性别', GENDERS, { 男性: '男', 女性: '女' }) },
  { field: 'ethnicity', label: '民族', headers: ['民族'], parse: enumParser('民族', ETHNICITIES, ETHNICITY_ALIASES) },
  {
    field: 'birthDate',
    label: '出生日期',
    headers: ['出生日期', '出生年月', '出生时间', '出生年月日', '生日'],
    parse: parseDate,
  },
  {
    field: 'idNumber',
    label: '公民身份号码',
    headers: ['公民身份号码', '身份证号', '身份证号码', '公民身份证号码', '身份证', '证件号码'],
    parse: parseIdNumber,
    unique: true,
  },
  {
    field: 'education',
    label: '学历',
    headers: ['学历', '文化程度', '最高学历', '全日制学历'],
    parse: enumParser('学历', EDUCATION_LEVELS, EDUCATION_ALIASES),
  },
  {
    field: 'joinedOn',
    label: '入党时间',
    headers: ['入党时间', '入党日期', '加入党组织日期', '加入党组织时间', '入党年月', '成为预备党员时间'],
    parse: parseDate,
  },
  { field: 'confirmedOn', label: '转正时间', headers: ['转正时间', '转正日期', '转正年月', '成为正式党员时间'], parse: parseDate },
  {
    field: 'category',
    label: '党员类别',
    // 人员类别 last: in many systems it is 在职/离退休/普通编制 (党费, DOMAIN §3.9), no party category; it is read
    // only when no other column says 正式/预备 (and a value that is no category is a warning, not a refusal).
    headers: ['党员类别', '党员类型', '党籍状态', '政治面貌', '党籍', '人员类别'],
    parse: parseCategory,
  },
  { field: 'status', label: '党员状态', headers: ['党员状态', '状态'], parse: parseStatus },
  { field: 'partyGroupName', label: '所在党小组', headers: ['所在党小组', '党小组', '所属党小组'], parse: parseText },
  {
    field: 'partyPost',
    label: '党内职务',
    headers: ['党内职务', '支部职务', '党内职务(支委)'],
    parse: enumParser('党内职务', PARTY_POSTS, PARTY_POST_ALIASES),
    notKept: '党内职务以“设置 → 支部信息”中的支部委员会和党小组为准，本列只供核对，不导入',
  },
  {
    field: 'jobTitle',
    label: '工作岗位',
    headers: ['工作岗位', '职务', '工作单位及职务', '行政职务', '职务职级', '现任职务', '岗位'],
    parse: parseText,
  },
  { field: 'phone', label: '联系电话', headers: ['联系电话', '手机号码', '电话', '手机', '手机号', '联系方式'], parse: parsePhone },
  { field: 'remarks', label: '备注', headers: ['备注', '备注说明'], parse: parseText },
  { field: 'branchName', label: '所在党支部', headers: ['所在党支部', '党支部', '所属党支部', '支部名称', '党支部名称'], parse: parseText },
];

/**
 * Only 姓名 identifies a member: without it the row is refused. Everything else missing or doubtful comes in and is
 * flagged (memberGaps, the one source of 资料不全 and 待核对): 性别/出生日期 are derived from a valid 公民身份号码
 * only; a number that fails GB 11643 is kept as written; any other cross-field doubt is a warning.
 */
const DERIVED_FROM_ID = new Set<string>(['gender', 'birthDate']);

/** The completeness fields (资料不全) a roster sheet has no column for: every member it brings lacks them. */
export function sheetGaps(fieldsInSheet: ReadonlySet<string>): string[] {
  return COMPLETENESS_FIELDS.filter(
    (f) => !fieldsInSheet.has(f) && !(DERIVED_FROM_ID.has(f) && fieldsInSheet.has('idNumber')),
  ).map((f) => MEMBER_FIELD_LABELS[f]);
}

function toRecord(
  values: Partial<Record<MemberColumnField, unknown>>,
  context: RecordContext,
): RecordResult<ImportedMember, MemberColumnField> {
  const issues: RecordResult<ImportedMember, MemberColumnField>['issues'] = [];
  // why: the member columns are named after ImportedMember's fields and their parsers return those fields' types
  const fields = completeFromIdNumber({ ...values } as Partial<ImportedMember>);
  if (!fields.category && !('category' in values) && fields.confirmedOn) {
    // A roster without a 党员类别 column: a 转正时间 means 正式党员.
    fields.category = '正式党员';
  }
  if (!fields.name?.trim()) {
    issues.push({ field: 'name', severity: 'error', message: '缺少姓名，无法确定是哪一名党员' });
    return { issues };
  }
  const parsed = importedMemberSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // why: importedMemberSchema's keys are the column fields
      const field = String(issue.path[0]) as MemberColumnField;
      const chinese = /[\u4e00-\u9fa5]/.test(issue.message);
      issues.push({ field, severity: field === 'name' ? 'error' : 'warning', message: chinese ? issue.message : '内容不符合要求' });
    }
    if (issues.some((i) => i.severity === 'error')) {
      return { issues };
    }
  }
  const { partyGroupName: _g, branchName: _b, ...memberFields } = fields;
  for (const issue of checkMember(memberFields, { today: context.today })) {
    const message =
      issue.field === 'idNumber' && fields.idNumber && !checkIdNumber(fields.idNumber).ok
        ? `${issue.message}。号码按原样保存，不用于比对，也不据此推算性别和出生日期`
        : issue.message;
    // why: checkMember names member fields, each of which is a column of the roster
    issues.push({ field: issue.field as MemberColumnField, severity: 'warning', message });
  }
  // Gaps in a column the sheet has, row by row; a field the whole sheet lacks is said once (sheetGaps).
  const inSheet = context.fieldsInSheet;
  const missing = memberGaps(memberFields).missing.filter(
    (f) => !inSheet || inSheet.has(f) || (DERIVED_FROM_ID.has(f) && inSheet.has('idNumber')),
  );
  if (missing.length > 0) {
    issues.push({
      severity: 'warning',
      message: `资料不全：缺少${missing.map((f) => MEMBER_FIELD_LABELS[f]).join('、')}，导入后可在花名册中补全`,
    });
  }
  // why: the schema failed with warnings only, so the row comes in as read and flagged
  return { record: parsed.success ? parsed.data : (fields as ImportedMember), issues };
}

export const membersLedger: LedgerDefinition<MemberColumnField, ImportedMember> = {
  kind: 'members',
  label: '党员花名册',
  columns,
  keyFields: [['name'], ['idNumber', 'joinedOn', 'category', 'gender', 'partyGroupName']],
  identity: ['name'],
  remarksField: 'remarks',
  sheetGaps,
  toRecord,
};
