import {
  checkMember,
  completeFromIdNumber,
  MEMBER_FIELD_LABELS,
  memberFieldsSchema,
  memberGaps,
  type Member,
  type MemberFields,
} from '@shared/model';
import { oneOf } from '@shared/oneOf';

/** The fields the form edits, in the order it shows them (离开 is a separate action). */
export const MEMBER_FORM_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'education',
  'joinedOn',
  'confirmedOn',
  'transferredInOn',
  'disciplinedOn',
  'category',
  'status',
  'partyGroupId',
  'jobTitle',
  'phone',
  'remarks',
] as const satisfies readonly (keyof MemberFields)[];
export type MemberFormField = (typeof MEMBER_FORM_FIELDS)[number];

/** What antd's Form holds: like the record, but a cleared Select gives null or undefined and text may be blank. */
export type MemberFormValues = { [K in MemberFormField]?: MemberFields[K] | null };

/**
 * Fields without which a member cannot be saved; shown with the required mark. Only the name: a record with
 * gaps is saved and marked 资料不全 (memberGaps), each gap pointed at under its field.
 */
export const REQUIRED_FIELDS: ReadonlySet<MemberFormField> = new Set(['name']);

/** Under a field of COMPLETENESS_FIELDS left empty: a warning, never a refusal. */
export const GAP_MESSAGE = '资料不全：尚未填写，请补全（可先保存）';

const SELECTED_FIELDS: ReadonlySet<MemberFormField> = new Set([
  'gender', 'ethnicity', 'birthDate', 'education', 'joinedOn', 'confirmedOn', 'transferredInOn', 'disciplinedOn', 'category', 'status', 'partyGroupId',
]);

export function isMemberFormField(field: string): field is MemberFormField {
  return oneOf(MEMBER_FORM_FIELDS, field) !== undefined;
}

export function newMemberValues(): MemberFormValues {
  return { ethnicity: '汉族', category: '正式党员', status: '正常' };
}

export function toFormValues(member: Member): MemberFormValues {
  const values: MemberFormValues = {};
  for (const field of MEMBER_FORM_FIELDS) {
    // Field by field: TypeScript cannot pair values[field] with member[field] over a union of keys.
    (values as Record<string, unknown>)[field] = member[field];
  }
  return values;
}

/** What the store receives: text trimmed, blanks and cleared choices absent, no 转正时间 for a 预备党员. */
export function toMemberInput(values: MemberFormValues): Partial<MemberFields> {
  const input: Record<string, unknown> = {};
  for (const field of MEMBER_FORM_FIELDS) {
    let value = values[field];
    if (typeof value === 'string' && field !== 'remarks') {
      value = value.trim();
    }
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      continue;
    }
    input[field] = value;
  }
  if (input.category === '预备党员') {
    delete input.confirmedOn;
  }
  return input;
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Store and schema messages in the user's words: a missing value, or zod's English replaced by a Chinese hint. */
export function messageForField(field: string, message: string, value: unknown): string {
  const label = isMemberFormField(field) ? MEMBER_FIELD_LABELS[field] : field;
  if (value === undefined || value === null || value === '') {
    if (isMemberFormField(field) && REQUIRED_FIELDS.has(field)) {
      return `${SELECTED_FIELDS.has(field) ? '请选择' : '请填写'}${label}`;
    }
  }
  if (HAS_CHINESE.test(message)) {
    return message;
  }
  return `${label}填写不正确`;
}

export interface FieldFeedback {
  errors: string[];
  warnings: string[];
}

export interface FeedbackOptions {
  today: string;
  /** Normalised ID numbers of the branch's other members. */
  otherIdNumbers: ReadonlySet<string>;
  /** Whether problems of this field are shown yet (touched, or the user tried to save, or an existing record). */
  shows: (field: MemberFormField) => boolean;
}

const PHONE = /^[\d\s\-+()（）转]+$/;

/**
 * Everything to show under each field: the shape (required, formats) and the cross-field checks of checkMember,
 * errors and warnings apart. The same checks as the store runs, so the form rarely meets a refusal on save.
 */
export function memberFormFeedback(values: MemberFormValues, options: FeedbackOptions): Record<MemberFormField, FieldFeedback> {
  // Object.fromEntries forgets the keys' types; every form field is a key here.
  const feedback = Object.fromEntries(MEMBER_FORM_FIELDS.map((f) => [f, { errors: [], warnings: [] }])) as unknown as Record<
    MemberFormField,
    FieldFeedback
  >;
  const input = toMemberInput(values);
  const add = (field: string, kind: keyof FieldFeedback, message: string) => {
    if (isMemberFormField(field) && options.shows(field) && !feedback[field][kind].includes(message)) {
      feedback[field][kind].push(message);
    }
  };

  // The store fills 性别 and 出生日期 from a valid ID; check what it will save.
  const completed = completeFromIdNumber(input);
  const parsed = memberFieldsSchema.safeParse(completed);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      add(field, 'errors', messageForField(field, issue.message, isMemberFormField(field) ? completed[field] : undefined));
    }
  }
  for (const issue of checkMember(input, { today: options.today, otherIdNumbers: options.otherIdNumbers })) {
    add(issue.field, issue.severity === 'error' ? 'errors' : 'warnings', issue.message);
  }
  for (const field of memberGaps(completed).missing) {
    add(field, 'warnings', GAP_MESSAGE);
  }
  if (input.phone && !PHONE.test(input.phone)) {
    add('phone', 'warnings', '联系电话一般只含数字和“-”，请核对');
  }
  return feedback;
}

export function firstErrorField(feedback: Record<MemberFormField, FieldFeedback>): MemberFormField | undefined {
  return MEMBER_FORM_FIELDS.find((f) => feedback[f].errors.length > 0);
}
