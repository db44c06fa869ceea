import { analysisPeriodLabel, isRegularKind, periodProblems, sortAnalysesNewestFirst } from '@shared/analyses';
import { formatDate } from '@shared/dates';
import {
  ANALYSIS_FIELD_LABELS,
  ANALYSIS_METHODS,
  ANALYSIS_SETTINGS_KEY,
  analysisFieldsSchema,
  analysisSettingsSchema,
  readAnalysisSettings,
  type Analysis,
  type AnalysisFields,
  type AnalysisFieldsInput,
  type AnalysisSettings,
} from '@shared/model';
import { wasOnRosterBetween } from '@shared/rules/roster';
import { historyOf } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { createRecord, fieldChange, getRecord, newRecordMeta, updateRecord, type TableName } from './records';

/**
 * 思想动态分析: one record per branch and period with its per-member entries. Every change is checked here (the
 * form only helps) and logged in the same transaction. The audit summaries never carry entry contents: who is
 * 需关注 is for the analysis page, behind its reveal, not for the change log.
 */

export type AnalysisInput = AnalysisFieldsInput;

// Looked up by a problem's field name (text); `satisfies` keeps the keys to real fields.
const REQUIRED: Partial<Record<string, string>> = {
  periodKind: '请选择分析类型',
  periodStart: '请选择期间开始日期',
  periodEnd: '请选择期间结束日期',
  submittedOn: '报送日期格式应为 年-月-日',
} satisfies Partial<Record<keyof AnalysisFields, string>>;

function shapeProblems(error: Parameters<typeof problemsFromZod>[0]): FieldProblem[] {
  const problems = problemsFromZod(error).map((p) => ({
    ...p,
    message: REQUIRED[p.field] ?? p.message,
  }));
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

function parseFields(input: AnalysisInput): AnalysisFields {
  const parsed = analysisFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(shapeProblems(parsed.error));
  }
  return parsed.data;
}

const TABLES: TableName[] = ['analyses', 'branches', 'members', 'talks', 'rectifications', 'settings', 'auditLog'];

/** The settings of 思想状况 and the 定期 period, each part at its default when missing or broken. */
export async function getAnalysisSettings(db: BranchLedgerDatabase): Promise<AnalysisSettings> {
  return readAnalysisSettings((await db.settings.get(ANALYSIS_SETTINGS_KEY))?.value);
}

export async function putAnalysisSettings(
  db: BranchLedgerDatabase,
  settings: AnalysisSettings,
): Promise<AnalysisSettings> {
  const parsed = analysisSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'states'), message: issue.message })),
    );
  }
  await db.settings.put({ key: ANALYSIS_SETTINGS_KEY, value: parsed.data });
  return parsed.data;
}

/**
 * Checks an analysis against its branch: period, 报送日期, 收集方式, entries (members of the branch on its roster
 * during the period, once each, a state of the list or the one already stored), links, and no second
 * analysis of the same 季度/半年/年度.
 */
async function check(
  db: BranchLedgerDatabase,
  branchId: string,
  fields: AnalysisFields,
  before?: Analysis,
): Promise<void> {
  const problems: FieldProblem[] = [...periodProblems(fields.periodKind, fields.periodStart, fields.periodEnd)];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field && p.message === message)) {
      problems.push({ field, message });
    }
  };
  if (fields.submittedOn && fields.submittedOn < fields.periodStart) {
    add('submittedOn', '报送日期不能早于期间开始');
  }
  const methods: readonly string[] = ANALYSIS_METHODS;
  if (fields.methods.some((m) => !methods.includes(m))) {
    add('methods', `收集方式应为${ANALYSIS_METHODS.join('、')}之一`);
  }

  const settings = await getAnalysisSettings(db);
  const states = new Set(settings.states.map((s) => s.label));
  const storedState = new Map((before?.entries ?? []).map((e) => [e.memberId, e.state]));
  const people = await db.members.bulkGet([
    ...new Set(fields.entries.flatMap((e) => [e.memberId, e.talkerId ?? e.memberId])),
  ]);
  const byId = new Map(people.filter((m) => m && m.branchId === branchId).map((m) => [m!.id, m!]));
  const seen = new Set<string>();
  for (const entry of fields.entries) {
    const member = byId.get(entry.memberId);
    if (!member) {
      add('entries', '党员思想状况中有不是本支部党员的人员');
      continue;
    }
    if (seen.has(entry.memberId)) {
      add('entries', `${member.name}登记了不止一次，每名党员只登记一条`);
    }
    seen.add(entry.memberId);
    if (!wasOnRosterBetween(member, fields.periodStart, fields.periodEnd)) {
      add(
        'entries',
        `${member.name}在${formatDate(fields.periodStart)}至${formatDate(fields.periodEnd)}期间不在本支部党员名册中`,
      );
    }
    if (!states.has(entry.state) && storedState.get(entry.memberId) !== entry.state) {
      add('entries', `思想状况“${entry.state}”不在设置的列表中（${[...states].join('、')}）`);
    }
    if (entry.talkerId && !byId.has(entry.talkerId)) {
      add('entries', '谈话人不是本支部党员');
    }
  }

  const talks = await db.talks.bulkGet(fields.talkIds);
  if (talks.some((t) => !t || t.branchId !== branchId)) {
    add('talkIds', '关联的谈心谈话不存在或不属于本支部');
  }
  const tasks = await db.rectifications.bulkGet(fields.rectificationIds);
  if (tasks.some((t) => !t || t.branchId !== branchId)) {
    add('rectificationIds', '关联的整改任务不存在或不属于本支部');
  }

  if (isRegularKind(fields.periodKind) && !problems.some((p) => p.field === 'periodStart')) {
    const same = await db.analyses
      .where('[branchId+periodStart]')
      .equals([branchId, fields.periodStart])
      .filter((a) => a.id !== before?.id && a.periodKind === fields.periodKind && a.periodEnd === fields.periodEnd)
      .count();
    if (same > 0) {
      add('periodStart', `${analysisPeriodLabel(fields)}已有思想动态分析，请打开原记录修改`);
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
}

/** Fields cleared in the form are removed from the record, not kept as `undefined`. */
function withoutEmpty(record: Analysis): Analysis {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) {
      Reflect.deleteProperty(record, key);
    }
  }
  return record;
}

/**
 * 新建: `previousId` names the analysis whose entries the form started from (新建 copies the previous period's
 * entries); it is kept when it is an analysis of the same branch.
 */
export async function addAnalysis(
  db: BranchLedgerDatabase,
  branchId: string,
  input: AnalysisInput,
  options: { previousId?: string } = {},
): Promise<Analysis> {
  const fields = parseFields(input);
  return db.transaction('rw', TABLES, async () => {
    await getRecord(db, 'branches', branchId);
    await check(db, branchId, fields);
    const previous = options.previousId ? await db.analyses.get(options.previousId) : undefined;
    const analysis = withoutEmpty({
      ...fields,
      ...newRecordMeta(),
      branchId,
      previousId: previous?.branchId === branchId ? previous.id : undefined,
    });
    const summary = `新增思想动态分析 ${analysisPeriodLabel(analysis)}（登记党员${analysis.entries.length}人）`;
    return createRecord(db, 'analyses', analysis, summary);
  });
}

const FIELD_KEYS = analysisFieldsSchema.keyof().options;

/** Edits what the form shows. Links to 整改任务 made from the task side stay unless the input lists them. */
export async function updateAnalysis(db: BranchLedgerDatabase, id: string, input: AnalysisInput): Promise<Analysis> {
  const parsed = parseFields(input);
  return updateRecord(db, 'analyses', id, {
    reads: TABLES,
    next: async (before) => {
      const fields: AnalysisFields =
        input.rectificationIds === undefined ? { ...parsed, rectificationIds: before.rectificationIds ?? [] } : parsed;
      await check(db, before.branchId, fields, before);
      return fieldChange(before, { fields, keys: FIELD_KEYS, labels: ANALYSIS_FIELD_LABELS, finish: withoutEmpty });
    },
  });
}

/** Deletes an analysis; the audit log keeps the whole record. Tasks raised from it keep their own record. */
export async function deleteAnalysis(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteRecord(db, 'analyses', id, { summary: (before) => `删除思想动态分析 ${analysisPeriodLabel(before)}` });
}

/** A branch's analyses, newest period first. */
export async function listAnalyses(db: BranchLedgerDatabase, branchId: string): Promise<Analysis[]> {
  return sortAnalysesNewestFirst(await db.analyses.where('branchId').equals(branchId).toArray());
}

export function analysisHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'analyses', id);
}
