import {
  secretaryOf,
  type Branch,
  type Member,
  type Rectification,
  type RectificationCategory,
  type RectificationFields,
  type RectificationSource,
} from '@shared/model';
import { sourceForOrigin } from '@shared/rectifications';
import type { OriginRecord, RectificationInput } from '../../db/rectificationHooks';

/** What the form holds: the editable fields, empty ones as undefined. */
export interface RectificationFormValues {
  source?: RectificationSource;
  category?: RectificationCategory;
  problem?: string;
  goal?: string;
  measures?: string;
  leader?: string;
  owner?: string;
  deadline?: string;
  outcome?: string;
}

export const FORM_FIELDS: readonly (keyof RectificationFields)[] = [
  'source',
  'category',
  'problem',
  'goal',
  'measures',
  'leader',
  'owner',
  'deadline',
  'outcome',
];

export function valuesOfTask(task: Rectification): RectificationFormValues {
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, task[field]]));
}

/**
 * A new task: 责任领导 starts as the 书记; raised from a record, 问题来源 follows the record (a 组织生活会's
 * 查摆问题 are 组织生活会 problems) and a talk's 反映的问题 becomes 存在问题.
 */
export function newTaskValues(branch: Pick<Branch, 'committee'>, members: readonly Member[], origin: OriginRecord | null): RectificationFormValues {
  const secretaryId = secretaryOf(branch);
  const values: RectificationFormValues = {
    source: '自查',
    leader: members.find((m) => m.id === secretaryId)?.name,
  };
  if (origin?.table === 'meetings') {
    values.source = sourceForOrigin('meetings', origin.record.type);
  } else if (origin?.table === 'talks') {
    values.source = sourceForOrigin('talks');
    values.problem = origin.record.issuesRaised;
  } else if (origin?.table === 'analyses') {
    values.source = sourceForOrigin('analyses');
  }
  return values;
}

export function inputOfValues(values: RectificationFormValues): RectificationInput {
  return {
    // Required fields may still be empty here: the store's schema refuses them under their field.
    source: values.source as RectificationSource,
    category: values.category as RectificationCategory, // as source
    problem: values.problem ?? '',
    goal: values.goal ?? '',
    measures: values.measures ?? '',
    leader: values.leader ?? '',
    owner: values.owner ?? '',
    deadline: values.deadline || undefined,
    outcome: values.outcome ?? '',
  };
}

/** Names to choose 责任领导 / 责任人 / 销号审核人 from; anyone else can be typed in. */
export function nameOptions(members: readonly Member[] | undefined): { value: string }[] {
  return [...new Set((members ?? []).filter((m) => !m.departure).map((m) => m.name))].map((value) => ({ value }));
}
