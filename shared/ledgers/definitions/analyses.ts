import { z } from 'zod';
import { isValidIsoDate, isoDateSchema } from '../../dates';
import { asRegularPeriod, parseRegularLabel, regularPeriod } from '../../analyses/periods';
import { ANALYSIS_PERIOD_KINDS, IDEOLOGICAL_STATES, type AnalysisPeriodKind } from '../../model/analysis';
import { normalizeToken } from '../normalize';
import { oneOf } from '../../oneOf';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordResult } from '../types';
import { cellText } from '../values';
import { finish, nameKey, splitNames, textColumn, withNote } from './common';

/**
 * 党员思想动态分析 (DOMAIN §3.5): one row per member and period. Rows of one period become the entries of one
 * Analysis (shared/imports/analyses.ts); the member and the 谈话人 stay names here.
 */

export type AnalysisColumnField =
  | 'name' | 'period' | 'state' | 'work' | 'details' | 'problems' | 'help' | 'talker' | 'remarks';

export interface ParsedPeriod {
  kind: AnalysisPeriodKind;
  start: string;
  end: string;
  /** `2025年第二季度`, or the range as written for a 专题 period. */
  label: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** One end of a range: 2025.1 / 2025年1月 / 2025-01-15 / 1月 (year from the other end). */
function rangeEnd(text: string, year: number | undefined, end: boolean): string | undefined {
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/.exec(text);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isValidIsoDate(iso) ? iso : undefined;
  }
  m = /^(?:(\d{4})[.\-/年])?(\d{1,2})月?份?$/.exec(text);
  if (m && (m[1] || year)) {
    const y = Number(m[1] ?? year);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) {
      return undefined;
    }
    return `${y}-${pad(mo)}-${end ? pad(lastDay(y, mo)) : '01'}`;
  }
  return undefined;
}

/**
 * 分析时段 as written → kind and dates: 2025年第一季度 / 2025年一季度 / 2025Q1, 2025年上半年, 2025年度 / 2025年,
 * or a range (2025.1-2025.3, 2025年1月至3月, 2025-01-01至2025-03-31): a range that is a calendar 季度/半年/年度 is
 * that period, any other is 专题.
 */
export function parseAnalysisPeriod(raw: string): { ok: true; value: ParsedPeriod } | { ok: false; message: string } {
  const text = normalizeToken(raw).replace(/[—–~～]/g, '-').replace(/^(\d{4})年?全年$/, '$1年度');
  const regular = parseRegularLabel(text);
  if (regular) {
    return { ok: true, value: { kind: regular.kind, start: regular.start, end: regular.end, label: regular.label } };
  }
  let m = /^(\d{4})年?(?:第)?([一二三四1-4])季度$/.exec(text) ?? /^(\d{4})年?Q([1-4])$/i.exec(text);
  if (m) {
    const p = regularPeriod('季度', Number(m[1]), CN_DIGITS[m[2]]);
    return { ok: true, value: { kind: p.kind, start: p.start, end: p.end, label: p.label } };
  }
  m = /^(\d{4})年?([上下])半年$/.exec(text);
  if (m) {
    const p = regularPeriod('半年', Number(m[1]), m[2] === '上' ? 1 : 2);
    return { ok: true, value: { kind: p.kind, start: p.start, end: p.end, label: p.label } };
  }
  m = /^(.+?)(?:-|至|到)(.+)$/.exec(text);
  if (m) {
    const year = /^(\d{4})/.exec(m[1])?.[1];
    const start = rangeEnd(m[1], undefined, false);
    const end = rangeEnd(m[2], year ? Number(year) : undefined, true);
    if (start && end) {
      if (end < start) {
        return { ok: false, message: `分析时段“${raw.trim()}”的结束早于开始` };
      }
      for (const kind of ['季度', '半年', '年度'] as const) {
        const p = asRegularPeriod(kind, start, end);
        if (p) {
          return { ok: true, value: { kind, start, end, label: p.label } };
        }
      }
      return { ok: true, value: { kind: '专题', start, end, label: raw.trim() } };
    }
  }
  return {
    ok: false,
    message: `看不懂分析时段“${raw.trim()}”，请写成 2025年第一季度、2025年上半年、2025年度 或 2025.1-2025.3`,
  };
}

const parsePeriodCell: CellParser<ParsedPeriod> = (cell) => {
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  const raw = cellText(cell).trim();
  if (!raw) {
    return { ok: true, value: undefined };
  }
  const result = parseAnalysisPeriod(raw);
  if (!result.ok) {
    return result;
  }
  return result.value.kind === '专题'
    ? { ok: true, value: result.value, warning: `“${raw}”不是完整的季度、半年或年度，按专题分析导入` }
    : { ok: true, value: result.value };
};

const columns: ColumnDefinition<AnalysisColumnField>[] = [
  textColumn('name', '姓名', ['党员姓名']),
  { field: 'period', label: '分析时段', headers: ['分析时段', '时段', '分析期间', '分析时间', '分析周期'], parse: parsePeriodCell },
  textColumn('state', '思想状况', ['思想状态', '思想动态情况', '思想动态']),
  textColumn('work', '工作表现', []),
  textColumn('details', '具体表现', ['主要表现']),
  textColumn('problems', '存在问题', ['存在的问题']),
  textColumn('help', '帮扶措施', ['帮扶举措', '教育帮扶措施']),
  textColumn('talker', '谈话人', ['谈心人']),
  textColumn('remarks', '备注', []),
];

export const importedAnalysisEntrySchema = z.object({
  memberName: z.string().min(1),
  periodKind: z.enum(ANALYSIS_PERIOD_KINDS),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  periodLabel: z.string(),
  state: z.string().min(1),
  performance: z.string().optional(),
  details: z.string().optional(),
  problems: z.string().optional(),
  support: z.string().optional(),
  talkerName: z.string().optional(),
});
export type ImportedAnalysisEntry = z.infer<typeof importedAnalysisEntrySchema>;

const STATE_ALIASES: Record<string, string> = { 思想稳定: '稳定', 比较稳定: '较稳定', 基本稳定: '较稳定', 需要关注: '需关注', 重点关注: '需关注' };

/** What the column parsers above return, field by field. */
type AnalysisValues = Partial<Record<Exclude<AnalysisColumnField, 'period'>, string>> & { period?: ParsedPeriod };

function toRecord(parsed: Partial<Record<AnalysisColumnField, unknown>>): RecordResult<ImportedAnalysisEntry, AnalysisColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as AnalysisValues;
  const issues: RecordResult<ImportedAnalysisEntry, AnalysisColumnField>['issues'] = [];
  const text = (f: Exclude<AnalysisColumnField, 'period'>) => values[f]?.trim() || undefined;
  const names = splitNames(text('name'));
  if (names.length === 0) {
    issues.push({ field: 'name', severity: 'error', message: '缺少姓名' });
  } else if (names.length > 1) {
    issues.push({ field: 'name', severity: 'error', message: `一行只能填一名党员，这里有${names.length}人（${names.join('、')}）` });
  }
  const period = values.period;
  if (!period) {
    issues.push({ field: 'period', severity: 'error', message: '缺少分析时段（如 2025年第一季度）' });
  }
  let state = text('state');
  if (!state) {
    issues.push({ field: 'state', severity: 'error', message: '缺少思想状况，请填写，或在预览中为本表统一设置思想状况' });
  } else {
    const token = normalizeToken(state);
    state = STATE_ALIASES[token] ?? token;
    if (!oneOf(IDEOLOGICAL_STATES, state)) {
      issues.push({
        field: 'state',
        severity: 'warning',
        message: `“${state}”不在默认的思想状况（${IDEOLOGICAL_STATES.join('、')}）中；如设置中没有这一项，请先添加或改正`,
      });
    }
  }
  const talkerName = splitNames(text('talker'))[0];
  return finish(
    importedAnalysisEntrySchema,
    {
      memberName: names[0] ? nameKey(names[0]) : undefined,
      periodKind: period?.kind,
      periodStart: period?.start,
      periodEnd: period?.end,
      periodLabel: period?.label,
      state,
      performance: text('work'),
      details: withNote(text('details'), '备注', text('remarks')),
      problems: text('problems'),
      support: text('help'),
      talkerName,
    },
    issues,
  );
}

export const analysesLedger: LedgerDefinition<AnalysisColumnField, ImportedAnalysisEntry> = {
  kind: 'analyses',
  label: '党员思想动态分析',
  columns,
  keyFields: [['name'], ['state']],
  identity: ['name', 'period'],
  remarksField: 'remarks',
  toRecord,
};
