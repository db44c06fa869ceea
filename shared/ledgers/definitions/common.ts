import type { z } from 'zod';
import { normalizeToken } from '../normalize';
import type { ColumnDefinition, RecordResult, Severity } from '../types';
import { parseText } from '../values';

/** Helpers shared by the ledger definitions: text columns, lists of names, zod problems as cell issues. */

export function textColumn<F extends string>(field: F, label: string, headers: readonly string[] = []): ColumnDefinition<F> {
  return { field, label, headers: [label, ...headers], parse: parseText };
}

/** A text cell's value without surrounding spaces; blank is absent. */
export function trimmed(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** A person's name as it is compared with the roster: no spaces of any width (张 三 = 张三). */
export function nameKey(name: string): string {
  return normalizeToken(name);
}

/** Cells that say "nobody": 无, 没有, /, -, 全到. */
export const NONE = /^(无|没有|无缺席|全到|全部到会|全体到会|\/|-|—|——|\\)$/;

/** `张三、李四，王五 赵六` → names; separators 、，,;； and spaces; `无` → []. */
export function splitNames(text: string | undefined): string[] {
  if (!text || NONE.test(normalizeToken(text))) {
    return [];
  }
  return text
    .split(/[、，,;；\s\u3000/]+/)
    .map((n) => nameKey(n))
    .filter((n) => n.length > 0 && !NONE.test(n));
}

export interface NamedAbsence {
  name: string;
  reason?: string;
  state: '请假' | '缺席';
}

/** A bare word that says "absent without leave". */
const ABSENT_WORDS = /^(缺席|无故缺席|无故缺会|未请假|未请假缺席|旷会|未参加|无故未参加|未到|无故未到|未出席|无故未出席|缺会)$/;
/** Words inside a longer text that say "absent without leave" (checked after the leave words below). */
const ABSENT_HINTS = /缺席|缺会|旷会|未请假|无故|擅自/;
/** Words that say the member asked for leave: a reason with one of them is 请假 even if it also says 缺席. */
const LEAVE_HINTS = /(?<!未)请假|病假|事假|婚假|产假|丧假|休假|年假|探亲假|公假|公差|出差|公出|培训|执行任务|值班|住院|外出/;
/** `请假：出差` / `缺席：联系不上`: the state said first, the reason after. */
const STATE_FIRST = /^(请假|缺席)\s*[：:，,、;；-]\s*(.+)$/s;

/**
 * What the text in brackets after a name says: its state and the reason kept. 请假 and 缺席 alone carry no reason;
 * `请假：出差` / `缺席：联系不上` say the state first; 无故缺席, 旷会, 未参加… are 缺席 with that reason; any other
 * reason (病假, 事假, 出差, 参加上级培训…) is 请假 with that reason.
 */
export function readAbsence(written: string | undefined): { state: '请假' | '缺席'; reason?: string } {
  const text = written?.trim();
  if (!text) {
    return { state: '缺席' };
  }
  const token = normalizeToken(text);
  if (token === '请假' || token === '缺席') {
    return { state: token };
  }
  const first = STATE_FIRST.exec(text);
  if (first) {
    return { state: first[1] === '请假' ? '请假' : '缺席', reason: first[2].trim() };
  }
  if (ABSENT_WORDS.test(token)) {
    return { state: '缺席', reason: text };
  }
  if (LEAVE_HINTS.test(token)) {
    return { state: '请假', reason: text };
  }
  return { state: ABSENT_HINTS.test(token) ? '缺席' : '请假', reason: text };
}

/**
 * One absentee as the 缺席人员及原因 cell says it, so that parseAbsentees reads back the same state and reason:
 * `张三（请假）`, `张三（出差）` (a reason that reads as 请假), `张三（请假：…）` (one that would not),
 * `张三（缺席）`, `张三（缺席：…）`.
 */
export function formatAbsentee(name: string, state: '请假' | '缺席', reason?: string): string {
  const text = reason?.trim();
  if (!text) {
    return `${name}（${state}）`;
  }
  const plain = readAbsence(text);
  return state === '请假' && plain.state === '请假' && plain.reason === text && !/[（）()]/.test(text)
    ? `${name}（${text}）`
    : `${name}（${state}：${text}）`;
}

/**
 * `张三（出差）、李四(病假)，王五` → each name with its state and reason (readAbsence): a name alone is 缺席.
 * Separators inside brackets do not split.
 */
export function parseAbsentees(text: string | undefined): { absentees: NamedAbsence[]; unreadable: string[] } {
  const absentees: NamedAbsence[] = [];
  const unreadable: string[] = [];
  if (!text || NONE.test(normalizeToken(text))) {
    return { absentees, unreadable };
  }
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '（' || c === '(') depth += 1;
    if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,;；\n]/.test(c)) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    // A reason may hold one level of brackets itself: 张三（请假：参加培训（三天））.
    const m = /^([^（(：:]+?)\s*(?:[（(]((?:[^（）()]|[（(][^（）()]*[）)])*)[）)]|[：:]\s*(.+))?$/s.exec(part);
    if (!m) {
      unreadable.push(part);
      continue;
    }
    const names = m[1].split(/[\s\u3000]+/).map(nameKey).filter(Boolean);
    const { state, reason } = readAbsence(m[2] ?? m[3]);
    for (const name of names) {
      absentees.push(reason ? { name, reason, state } : { name, state });
    }
  }
  return { absentees, unreadable };
}

type Issues<F extends string> = RecordResult<unknown, F>['issues'];

/**
 * The one member a row is about (its 姓名 cell, as nameKey), or an error on `field`: no name, or several
 * (`张三、李四`: each member's record is a row of its own). `what`: whose record it is, `党费`.
 */
export function oneMemberName<F extends string>(written: string | undefined, field: F, what: string, issues: Issues<F>): string | undefined {
  const names = splitNames(written);
  if (names.length === 0) {
    issues.push({ field, severity: 'error', message: `缺少姓名，无法确定是哪一名党员的${what}` });
  } else if (names.length > 1) {
    issues.push({ field, severity: 'error', message: `每行只能填一名党员，这里有${names.length}人（${names.join('、')}），请分行填写` });
  }
  return names[0];
}

/** zod problems of a record schema → issues on their fields, in Chinese (a non-Chinese message becomes a generic one). */
export function zodIssues<F extends string>(error: z.ZodError, issues: Issues<F>, severity: Severity = 'error'): void {
  for (const issue of error.issues) {
    // why: the paths zod reports are keys of the record schema, which the definitions name after their column fields
    const field = String(issue.path[0]) as F;
    const chinese = /[\u4e00-\u9fa5]/.test(issue.message);
    issues.push({ field, severity, message: chinese ? issue.message : '内容不符合要求' });
  }
}

/** Builds the record or reports why not: no record when any issue is an error. */
export function finish<R, F extends string>(
  schema: z.ZodType<R>,
  fields: unknown,
  issues: Issues<F>,
): RecordResult<R, F> {
  if (issues.some((i) => i.severity === 'error')) {
    return { issues };
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    zodIssues(parsed.error, issues);
    return { issues };
  }
  return { record: parsed.data, issues };
}

/** Free text joined with a labelled note: `内容\n备注：…`. */
export function withNote(text: string | undefined, label: string, note: string | undefined): string | undefined {
  if (!note) {
    return text;
  }
  return text ? `${text}\n${label}：${note}` : `${label}：${note}`;
}
