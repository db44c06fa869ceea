import type { z } from 'zod';
import { normalizeToken } from '../normalize';
import type { ColumnDefinition, RecordResult, Severity } from '../types';
import { parseText } from '../values';

/** Helpers shared by the ledger definitions: text columns, lists of names, zod problems as cell issues. */

export function textColumn<F extends string>(field: F, label: string, headers: readonly string[] = []): ColumnDefinition<F> {
  return { field, label, headers: [label, ...headers], parse: parseText };
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

const ABSENT_WORDS = /^(缺席|无故缺席|未请假|旷会|未参加|未到)$/;

/**
 * `张三（出差）、李四(病假)，王五` → each name with its reason. A reason like 病假/出差 is 请假; 缺席/无故缺席 (or no
 * reason at all) is 缺席. Separators inside brackets do not split.
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
    const m = /^([^（(：:]+?)\s*(?:[（(]([^）)]*)[）)]|[：:]\s*(.+))?$/.exec(part);
    if (!m) {
      unreadable.push(part);
      continue;
    }
    const names = m[1].split(/[\s\u3000]+/).map(nameKey).filter(Boolean);
    const written = (m[2] ?? m[3])?.trim() || undefined;
    const absent = !written || ABSENT_WORDS.test(normalizeToken(written));
    for (const name of names) {
      absentees.push(absent ? { name, state: '缺席' } : { name, reason: written, state: '请假' });
    }
  }
  return { absentees, unreadable };
}

type Issues<F extends string> = RecordResult<unknown, F>['issues'];

/** zod problems of a record schema → issues on their fields, in Chinese (a non-Chinese message becomes a generic one). */
export function zodIssues<F extends string>(error: z.ZodError, issues: Issues<F>, severity: Severity = 'error'): void {
  for (const issue of error.issues) {
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
