import { formatDate, isoDateSchema, todayIso } from '@shared/dates';
import {
  DUES_SETTINGS_KEY,
  duesGrid,
  formatYuan,
  markMonthPaid,
  readDuesSettings,
  type DuesSettings,
  type MarkPaidResult,
} from '@shared/dues';
import {
  checkDuesPayment,
  DUES_FIELD_LABELS,
  duesPaymentFieldsSchema,
  type DuesCategory,
  type DuesMethod,
  type DuesPayment,
  type DuesPaymentFields,
  type DuesPaymentFieldsInput,
} from '@shared/model';
import { nowIso, writeAuditMany, type AuditInput } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteMemberRecord } from './deletion';
import { NotFoundError, problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { createRecord, newRecordMeta, writeFieldUpdate, type TableName } from './records';

/**
 * 党费收缴: one record per member per month. A save replaces the member-month's record (the grid has one cell
 * for it); 一键按应交标记已交 writes a whole month in one transaction.
 */

export type DuesInput = DuesPaymentFieldsInput;

const TABLES: TableName[] = ['dues', 'members', 'auditLog'];

/** The settings in force (设置 keeps what differs from the 党费规定). */
export async function getDuesSettings(db: BranchLedgerDatabase): Promise<DuesSettings> {
  return readDuesSettings((await db.settings.get(DUES_SETTINGS_KEY))?.value);
}

/** `2025年3月`. */
const monthText = (month: string) => formatDate(month);

async function memberName(db: BranchLedgerDatabase, branchId: string, memberId: string): Promise<string> {
  const member = await db.members.get(memberId);
  if (!member || member.branchId !== branchId) {
    throw new ValidationError([{ field: 'memberId', message: '该人员不是本支部党员' }]);
  }
  return member.name;
}

function validate(input: DuesInput): DuesPaymentFields {
  const parsed = duesPaymentFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  const errors: FieldProblem[] = checkDuesPayment(parsed.data).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return parsed.data;
}

function paidText(fields: Pick<DuesPaymentFields, 'paidFen' | 'owedFen'>): string {
  return fields.paidFen === undefined ? `应交${formatYuan(fields.owedFen)}，未交` : `实交${formatYuan(fields.paidFen)}`;
}

/** The member-month's record, if any. */
export async function getDuesPayment(db: BranchLedgerDatabase, memberId: string, month: string): Promise<DuesPayment | undefined> {
  return db.dues.where('[memberId+month]').equals([memberId, month]).first();
}

const FIELD_KEYS = duesPaymentFieldsSchema.keyof().options;

/** Records the member-month: a new record, or the fields over the one stored for it. */
export async function saveDuesPayment(db: BranchLedgerDatabase, branchId: string, input: DuesInput): Promise<DuesPayment> {
  const fields = validate(input);
  return db.transaction('rw', TABLES, async () => {
    const name = await memberName(db, branchId, fields.memberId);
    const before = await getDuesPayment(db, fields.memberId, fields.month);
    if (before) {
      return writeFieldUpdate(db, 'dues', before, { fields, keys: FIELD_KEYS, labels: DUES_FIELD_LABELS });
    }
    return saveNew(db, branchId, name, fields);
  });
}

export interface DuesTermsInput {
  memberId: string;
  /** The first month the terms apply to (`YYYY-MM`). */
  fromMonth: string;
  category: DuesCategory;
  baseFen?: number;
  percent?: number;
  owedFen: number;
}

/**
 * 人员类别 and 核定基数 of a member from a month on: written on that month's record (an unpaid one is created when
 * there is none, so the grid carries the terms to the months after it, 党费规定 第十条) and on every later record
 * of the same year not yet paid. Paid records keep the terms they were paid on. One transaction.
 */
export async function setDuesTerms(db: BranchLedgerDatabase, branchId: string, input: DuesTermsInput): Promise<number> {
  const { memberId, fromMonth, ...terms } = input;
  return db.transaction('rw', TABLES, async () => {
    const name = await memberName(db, branchId, memberId);
    const yearEnd = `${fromMonth.slice(0, 4)}-12`;
    const records = await db.dues.where('[memberId+month]').between([memberId, fromMonth], [memberId, yearEnd], true, true).toArray();
    const first = records.find((r) => r.month === fromMonth);
    let written = 0;
    if (!first) {
      await saveNew(db, branchId, name, validate({ memberId, month: fromMonth, ...terms }));
      written += 1;
    }
    for (const record of records) {
      if (record.month !== fromMonth && record.paidFen !== undefined) {
        continue;
      }
      const fields = validate({ ...record, ...terms, baseFen: terms.baseFen, percent: terms.percent });
      const after = await writeFieldUpdate(db, 'dues', record, { fields, keys: FIELD_KEYS, labels: DUES_FIELD_LABELS });
      written += after === record ? 0 : 1;
    }
    return written;
  });
}

async function saveNew(db: BranchLedgerDatabase, branchId: string, name: string, fields: DuesPaymentFields): Promise<DuesPayment> {
  return createRecord(db, 'dues', { ...fields, ...newRecordMeta(), branchId }, `新增党费记录 ${name} ${monthText(fields.month)} ${paidText(fields)}`);
}

export interface PaidCellInput {
  memberId: string;
  month: string;
  /** 实交 in 分; undefined clears it (未交). */
  paidFen: number | undefined;
  /** 交纳日期 and 收款人 chosen above the grid for what is typed into it. */
  paidOn?: string;
  collector?: string;
}

/**
 * 实交 typed into a cell of the grid. A month without a record takes the terms the grid shows for it (carried
 * from the member's nearest record); without any, the member's 人员类别 and 核定基数 must be set first.
 */
export async function setPaidCell(db: BranchLedgerDatabase, branchId: string, input: PaidCellInput, today: string = todayIso()): Promise<DuesPayment> {
  return db.transaction('rw', TABLES, async () => {
    const member = await db.members.get(input.memberId);
    if (!member || member.branchId !== branchId) {
      throw new ValidationError([{ field: 'memberId', message: '该人员不是本支部党员' }]);
    }
    const before = await getDuesPayment(db, input.memberId, input.month);
    const paid = input.paidFen === undefined ? { paidFen: undefined, paidOn: undefined } : { paidFen: input.paidFen, paidOn: input.paidOn, collector: input.collector };
    if (before) {
      const fields = validate({ ...before, ...paid, collector: paid.paidFen === undefined ? before.collector : (input.collector ?? before.collector) });
      return writeFieldUpdate(db, 'dues', before, { fields, keys: FIELD_KEYS, labels: DUES_FIELD_LABELS });
    }
    if (input.paidFen === undefined) {
      throw new NotFoundError(`${member.name}${monthText(input.month)}的党费记录`);
    }
    const payments = await db.dues.where('[memberId+month]').between([input.memberId, ''], [input.memberId, '\uffff']).toArray();
    const year = Number(input.month.slice(0, 4));
    const grid = duesGrid([member], payments, year, { today });
    const terms = grid.rows[0]?.cells.find((c) => c.month === input.month)?.terms;
    if (!terms) {
      throw new ValidationError([{ field: 'baseFen', message: `请先填写${member.name}的人员类别和核定基数` }]);
    }
    return saveNew(db, branchId, member.name, validate({ memberId: input.memberId, month: input.month, ...terms, ...paid }));
  });
}

/** Deletes a member-month's record; the audit log keeps it. */
export async function deleteDuesPayment(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteMemberRecord(db, 'dues', id, (before, name) => `删除党费记录 ${name} ${monthText(before.month)}`);
}

export interface MarkMonthInput {
  month: string;
  paidOn: string;
  collector?: string;
  method?: DuesMethod;
}

/**
 * 一键按应交标记已交 for one month: every owed cell with nothing paid gets 实交 = 应交 (shared/dues markMonthPaid),
 * written with its audit entries in ONE transaction. Returns what was written and who was skipped, and why.
 */
export async function markDuesMonthPaid(
  db: BranchLedgerDatabase,
  branchId: string,
  input: MarkMonthInput,
  today: string = todayIso(),
): Promise<MarkPaidResult> {
  if (!isoDateSchema.safeParse(input.paidOn).success) {
    throw new ValidationError([{ field: 'paidOn', message: '请填写交纳日期' }]);
  }
  return db.transaction('rw', TABLES, async () => {
    const members = await db.members.where('branchId').equals(branchId).toArray();
    const payments = await db.dues.where('branchId').equals(branchId).toArray();
    const grid = duesGrid(members, payments, Number(input.month.slice(0, 4)), { today });
    const result = markMonthPaid(grid, input.month, {
      branchId,
      paidOn: input.paidOn,
      collector: input.collector,
      method: input.method,
      now: nowIso(),
      newId: () => crypto.randomUUID(),
    });
    const written = [...result.created, ...result.updated];
    const nameOf = new Map(members.map((m) => [m.id, m.name]));
    await db.dues.bulkPut(written);
    const entries: AuditInput[] = written.map((p) => ({
      table: 'dues',
      action: result.created.includes(p) ? 'create' : 'update',
      recordId: p.id,
      branchId,
      summary: `按应交标记已交 ${nameOf.get(p.memberId) ?? ''} ${monthText(p.month)} 实交${formatYuan(p.paidFen ?? 0)}`,
      before: result.updated.includes(p) ? payments.find((q) => q.id === p.id) : undefined,
      after: result.updated.includes(p) ? p : undefined,
    }));
    await writeAuditMany(db, entries);
    return result;
  });
}

/** Every 党费 record of a branch, all years (the grid carries terms over a year's boundary; the rules look back). */
export function listDues(db: BranchLedgerDatabase, branchId: string): Promise<DuesPayment[]> {
  return db.dues.where('branchId').equals(branchId).toArray();
}
