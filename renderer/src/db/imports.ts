/**
 * Writing a planned import (every ledger), and 撤销本次导入. Each is ONE Dexie transaction over every table it
 * touches: the records, new branches (roster 所在党支部), their audit entries (with importBatchId) and the
 * importBatches row are written together or not at all.
 *
 * The batch keeps the ids it added (records and created branches) and the prior version of every record it
 * updated, so undo restores every table exactly. The commit refuses when a record to update changed since the
 * plan was made; undo refuses when a record of the batch was changed after the import (by hand or by a later
 * import), naming them. Records and audit entries are written with bulkAdd/bulkPut: 20,000 rows in one go.
 */
import { branchFieldsSchema, isLedgerKind, LEDGER_KINDS, type Branch, type ImportBatch, type LedgerKind, type LedgerRecords, type Stored } from '@shared/model';
import { branchKey } from '@shared/ledgers';
import { applyOrganization, type ImportContext, type ImportTable, type PlannedRow, type RecordWrite } from '@shared/imports';
import { RECORD_LABELS, specOf, type LedgerKindSpec } from '@shared/kinds';
import type { ImportedOrganization } from '@shared/ledgers';
import type { Table } from 'dexie';
import { nowIso, writeAuditMany, type AuditInput } from './audit';
import type { BranchLedgerDatabase } from './database';

/** The import or undo cannot go ahead; the message says why, in Chinese. Nothing was written. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportResult {
  batch: ImportBatch;
  /** Records added (created branches not counted). */
  added: number;
  /** Records replaced by a new version (an Analysis counts once however many of its entries changed). */
  updated: number;
  /** Branches created for the roster's 所在党支部. */
  branchesCreated: number;
}

type StoredRecord = { id: string; branchId: string; createdAt: string; updatedAt: string } & Record<string, unknown>;

function recordTable(db: BranchLedgerDatabase, table: ImportTable | 'branches'): Table<StoredRecord, string> {
  return db.table<StoredRecord, string>(table);
}

/** A spec read through its kind-agnostic parts (the commit handles every kind alike). */
function anySpec(kind: LedgerKind): LedgerKindSpec<LedgerKind> {
  return specOf<LedgerKind>(kind);
}

/** How a record is named in messages: 张三 / 会议“2025年1月支部委员会会议” / …的思想动态分析 / the problem. */
function recordName(table: string, record: Record<string, unknown> | undefined, fallback: string): string {
  if (!record) return fallback;
  if (table === 'branches') return typeof record.name === 'string' ? record.name : fallback;
  return isLedgerKind(table) ? anySpec(table).import.recordName(record as unknown as Stored<LedgerKind>) || fallback : fallback; // why: a stored row of the kind's table
}

/**
 * What every stored record of the table must have (its spec's `required`). The plan builds records from rows the
 * ledger definitions checked with zod and from ids of the database, so the commit does not parse them again (a zod
 * parse costs more than writing the record: 20,000 meetings take over a second); this catches a plan that is not one.
 */
function validated(table: ImportTable, record: Record<string, unknown>, row: { rowNumber: number }): StoredRecord {
  for (const [field, label, ok] of specOf(table).import.required) {
    if (!ok(record[field])) {
      throw new ImportRefusedError(`第${row.rowNumber}行不能导入：${label}缺失或格式不对。请重新选择文件预览后再导入`);
    }
  }
  return record as StoredRecord; // why: checked above for the fields the app relies on
}

/**
 * What a plan is computed against, read in one transaction (one snapshot): every branch, the records of every kind
 * in the branch imported into, and for a kind whose rows may go to another branch (a roster's 所在党支部) those of
 * every branch.
 */
export async function importContext(db: BranchLedgerDatabase, branchId: string, today: string): Promise<ImportContext> {
  return db.transaction('r', [db.branches, ...LEDGER_KINDS.map((kind) => recordTable(db, kind))], async () => {
    const branches = await db.branches.toArray();
    const lists = await Promise.all(
      LEDGER_KINDS.map((kind) =>
        anySpec(kind).import.acrossBranches ? recordTable(db, kind).toArray() : recordTable(db, kind).where('branchId').equals(branchId).toArray(),
      ),
    );
    const records = Object.fromEntries(LEDGER_KINDS.map((kind, i) => [kind, lists[i]])) as unknown as LedgerRecords; // why: each table holds its kind's stored records
    return { branchId, branches, ...records, today };
  });
}

export interface LedgerImportInput {
  /** The branch the user imported into (the batch is listed there). */
  branchId: string;
  fileName: string;
  /** The plan, as shown and resolved; only 新增 and 更新 rows that are not blocked are written. */
  rows: readonly PlannedRow[];
  /** 06_组织设置 of the file: applied to the branch after the rows, its people found on the roster as written. */
  organization?: ImportedOrganization;
}

/**
 * Writes the 新增 and 更新 rows of a plan of any ledger in one transaction, with new branches, audit entries and
 * the importBatches row. Throws ImportRefusedError (nothing written) when a record to update changed since the
 * plan, when two rows update one record, or when a record does not pass its schema.
 */
export async function commitLedgerImport(db: BranchLedgerDatabase, input: LedgerImportInput): Promise<ImportResult> {
  const { branchId, fileName } = input;
  const rows = input.rows.filter((r) => !r.blocked && (r.action === '新增' || r.action === '更新') && r.after !== undefined);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const organization = input.organization;
  const needsBranches = rows.some((r) => 'newBranchName' in r.target) || Boolean(organization);
  // The 组织设置 sets members' 党小组 too.
  const recordTables = new Set<ImportTable>([...kinds, ...(organization ? (['members'] as const) : [])]);
  const tables = [
    ...[...recordTables].map((k) => recordTable(db, k)),
    ...(needsBranches ? [db.branches] : []),
    db.auditLog,
    db.importBatches,
  ];
  return db.transaction('rw', tables, async () => {
    const at = nowIso();
    const batch: ImportBatch = { id: crypto.randomUUID(), at, branchId, fileName, added: [], replaced: [] };
    const audits: AuditInput[] = [];
    const where = (row: PlannedRow) => `（${fileName} 第${row.rowNumber}行）`;

    // 1. Nothing planned against may have moved since the preview.
    for (const kind of kinds) {
      const checked = rows.flatMap((row) => (row.kind === kind && row.recordId && row.storedBefore !== undefined ? [{ row, id: row.recordId }] : []));
      const ids = [...new Set(checked.map((c) => c.id))];
      const current = await recordTable(db, kind).bulkGet(ids);
      const byId = new Map(ids.map((id, i) => [id, current[i]]));
      for (const { row, id } of checked) {
        const now = byId.get(id);
        if (!now || JSON.stringify(now) !== JSON.stringify(row.storedBefore)) {
          const name = recordName(kind, (now ?? row.storedBefore), RECORD_LABELS[kind]);
          throw new ImportRefusedError(`第${row.rowNumber}行对应的${name}在预览之后已被修改或删除，请重新选择文件预览后再导入`);
        }
      }
    }

    // 2. Branches named in 所在党支部 that do not exist yet.
    const newBranches = new Map<string, Branch>();
    for (const row of rows) {
      if (!('newBranchName' in row.target)) continue;
      const key = branchKey(row.target.newBranchName);
      if (!newBranches.has(key)) {
        const fields = branchFieldsSchema.parse({ name: row.target.newBranchName });
        newBranches.set(key, { ...fields, id: crypto.randomUUID(), createdAt: at, updatedAt: at });
      }
    }
    if (newBranches.size > 0) {
      const created = [...newBranches.values()];
      await db.branches.bulkAdd(created);
      for (const branch of created) {
        batch.added.push({ table: 'branches', id: branch.id });
        audits.push({
          table: 'branches',
          action: 'create',
          recordId: branch.id,
          branchId: branch.id,
          summary: `导入花名册时新建党支部 ${branch.name}（${fileName}）`,
          importBatchId: batch.id,
        });
      }
    }
    const targetOf = (row: PlannedRow) =>
      // why: step 2 made a branch for every newBranchName of the rows.
      'branchId' in row.target ? row.target.branchId : (newBranches.get(branchKey(row.target.newBranchName)) as Branch).id;

    // 3. The records, kind by kind, in bulk: each kind's write hook makes them (an analysis entry joins its period's
    // Analysis; the other kinds' rows are their records).
    for (const kind of kinds) {
      const spec = anySpec(kind);
      const ofKind = rows.filter((r) => r.kind === kind);
      const writes = spec.import.write(ofKind, { at, newId: () => crypto.randomUUID(), targetOf, fileName });
      const adds: StoredRecord[] = [];
      const puts: StoredRecord[] = [];
      const counted: RecordWrite<LedgerKind>[] = [];
      const updating = new Map<string, number>();
      for (const write of writes) {
        const record = validated(kind, write.record, write.rows[0]);
        const before = write.before as unknown as StoredRecord | undefined; // why: as above
        if (!before) {
          adds.push(record);
          if (write.summary) {
            audits.push({ table: kind, action: 'create', recordId: record.id, branchId: record.branchId, summary: write.summary, importBatchId: batch.id });
          } else {
            counted.push(write);
          }
          continue;
        }
        const other = updating.get(before.id);
        if (other !== undefined) {
          throw new ImportRefusedError(`第${other}行和第${write.rows[0].rowNumber}行要更新同一条记录，请只保留一行后再导入`);
        }
        updating.set(before.id, write.rows[0].rowNumber);
        puts.push(record);
        batch.replaced.push({ table: kind, record: before });
        audits.push({
          table: kind,
          action: 'update',
          recordId: before.id,
          branchId: before.branchId,
          summary: write.summary ?? `导入修改 ${write.rows.flatMap((r) => r.changes ?? []).map((c) => c.label).join('、')}${where(write.rows[0])}`,
          before,
          after: record,
          importBatchId: batch.id,
        });
      }
      for (const record of adds) {
        batch.added.push({ table: kind, id: record.id });
      }
      audits.push(...createdSummaries(spec, counted, fileName, batch.id));
      if (adds.length > 0) await recordTable(db, kind).bulkAdd(adds);
      if (puts.length > 0) await recordTable(db, kind).bulkPut(puts);
    }
    if (organization) {
      await writeOrganization(db, organization, { branchId, at, batch, audits, fileName });
    }
    await writeAuditMany(db, audits);
    await db.importBatches.add(batch);
    return {
      batch,
      added: batch.added.filter((a) => a.table !== 'branches').length,
      updated: batch.replaced.length,
      branchesCreated: newBranches.size,
    };
  });
}

/**
 * 06_组织设置 onto the branch imported into, after the rows (so the members the import adds are found by name): the
 * branch's prior version and those of the members whose 党小组 it sets are kept for undo (members the same batch added
 * are simply deleted by undo).
 */
async function writeOrganization(
  db: BranchLedgerDatabase,
  organization: ImportedOrganization,
  w: { branchId: string; at: string; batch: ImportBatch; audits: AuditInput[]; fileName: string },
): Promise<void> {
  const branch = await db.branches.get(w.branchId);
  if (!branch) {
    throw new ImportRefusedError('要导入组织设置的支部已不存在，请重新选择文件预览后再导入');
  }
  const members = await db.members.where('branchId').equals(w.branchId).toArray();
  const applied = applyOrganization(branch, members, organization, () => crypto.randomUUID());
  const updated = { ...applied.branch, updatedAt: w.at };
  await db.branches.put(updated);
  w.batch.replaced.push({ table: 'branches', record: branch });
  w.audits.push({
    table: 'branches',
    action: 'update',
    recordId: branch.id,
    branchId: branch.id,
    summary: `导入组织设置（${w.fileName}）：支部委员会${updated.committee.members.length}人，党小组${updated.partyGroups.length}个${applied.notes.length ? `；${applied.notes.join('；')}` : ''}`,
    before: branch,
    after: updated,
    importBatchId: w.batch.id,
  });
  const added = new Set(w.batch.added.filter((a) => a.table === 'members').map((a) => a.id));
  const priors = new Map(members.map((m) => [m.id, m]));
  const puts = applied.members.map((m) => ({ ...m, updatedAt: w.at }));
  for (const member of puts) {
    if (added.has(member.id)) continue;
    w.batch.replaced.push({ table: 'members', record: priors.get(member.id) });
    w.audits.push({
      table: 'members',
      action: 'update',
      recordId: member.id,
      branchId: member.branchId,
      summary: `导入组织设置修改所在党小组（${w.fileName}）`,
      before: priors.get(member.id),
      after: member,
      importBatchId: w.batch.id,
    });
  }
  if (puts.length > 0) await db.members.bulkPut(puts);
}

/**
 * One audit entry per table and branch for the records an import added (recordId: the batch), not one per record:
 * an entry per record doubles the writes (measured in Chromium: 20,000 members with their entries take 2.1–2.5×
 * the bulkPut of the members alone). Which records a batch added stays in its importBatches row; every later
 * change of such a record gets its own entry as usual.
 */
function createdSummaries(
  spec: LedgerKindSpec<LedgerKind>,
  writes: readonly RecordWrite<LedgerKind>[],
  fileName: string,
  batchId: string,
): AuditInput[] {
  const byBranch = new Map<string, { names: string[]; rowNumbers: number[] }>();
  for (const { record, rows } of writes) {
    const group = byBranch.get(record.branchId) ?? { names: [], rowNumbers: [] };
    for (const row of rows) {
      if (group.names.length < 10) group.names.push(spec.import.rowName(row).replace(/^\S+ /, ''));
      group.rowNumbers.push(row.rowNumber);
    }
    byBranch.set(record.branchId, group);
  }
  return [...byBranch.entries()].map(([branch, group]) => {
    const count = group.rowNumbers.length;
    const names = `${group.names.join('、')}${count > group.names.length ? '等' : ''}`;
    const first = group.rowNumbers.reduce((a, b) => Math.min(a, b));
    const last = group.rowNumbers.reduce((a, b) => Math.max(a, b));
    return {
      table: spec.kind,
      action: 'create' as const,
      recordId: batchId,
      branchId: branch,
      summary: `导入新增${spec.labels.record}${count}条：${names}（${fileName} 第${first === last ? first : `${first}—${last}`}行）`,
      importBatchId: batchId,
    };
  });
}

/** The version a batch kept of a record it replaced. */
function priorOf(replaced: ImportBatch['replaced'][number]): StoredRecord {
  return replaced.record as StoredRecord; // why: the commit (and writeOrganization) keep the stored record they overwrite
}

/** Records of the batch changed after it by something else (named); empty when undo may go ahead. */
async function changedSince(db: BranchLedgerDatabase, batch: ImportBatch): Promise<string[]> {
  const own = await db.auditLog.where('importBatchId').equals(batch.id).primaryKeys();
  const lastOwnSeq = Math.max(0, ...own.map((k) => Number(k)));
  const ids = new Map<string, string>();
  for (const a of batch.added) ids.set(`${a.table}|${a.id}`, a.table);
  for (const r of batch.replaced) ids.set(`${r.table}|${priorOf(r).id}`, r.table);
  const later = await db.auditLog.where(':id').above(lastOwnSeq).toArray();
  const touched = new Map<string, { table: string; id: string }>();
  for (const entry of later) {
    const key = `${entry.table}|${entry.recordId}`;
    if (ids.has(key) && entry.importBatchId !== batch.id) touched.set(key, { table: entry.table, id: entry.recordId });
  }
  const names: string[] = [];
  for (const { table, id } of touched.values()) {
    const current = await db.table<Record<string, unknown>, string>(table).get(id);
    names.push(recordName(table, current, id));
  }
  // Records entered by hand into a branch the import created would lose their branch.
  const createdBranches = batch.added.filter((a) => a.table === 'branches').map((a) => a.id);
  if (createdBranches.length > 0) {
    for (const table of LEDGER_KINDS) {
      const foreign = await recordTable(db, table)
        .where('branchId')
        .anyOf(createdBranches)
        .filter((r) => !ids.has(`${table}|${r.id}`))
        .toArray();
      for (const r of foreign) names.push(`新建支部中后来录入的${recordName(table, r, RECORD_LABELS[table])}`);
    }
  }
  return names;
}

/** The branches the imports create, then every kind's table. */
const UNDO_TABLES = ['branches', ...LEDGER_KINDS] as const;

/**
 * 撤销本次导入: deletes what the batch added (records, then created branches), puts back the prior versions of
 * what it updated, marks the batch undone; every table as it was. Works for batches of every ledger and for
 * batches written before there were other ledgers (members only).
 */
export async function undoImport(db: BranchLedgerDatabase, batchId: string): Promise<ImportBatch> {
  const tables = [...UNDO_TABLES.map((t) => recordTable(db, t)), db.auditLog, db.importBatches];
  return db.transaction('rw', tables, async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) {
      throw new ImportRefusedError('找不到这次导入的记录');
    }
    if (batch.undoneAt) {
      throw new ImportRefusedError('这次导入已经撤销过了');
    }
    const changed = await changedSince(db, batch);
    if (changed.length > 0) {
      throw new ImportRefusedError(
        `导入之后以下记录又被修改过，无法撤销本次导入（以免丢失后来的修改）：${changed.join('、')}`,
      );
    }
    const audits: AuditInput[] = [];
    for (const table of [...UNDO_TABLES].reverse()) {
      const ids = batch.added.filter((a) => a.table === table).map((a) => a.id);
      if (ids.length > 0) {
        const current = await recordTable(db, table).bulkGet(ids);
        await recordTable(db, table).bulkDelete(ids);
        current.forEach((record, i) => {
          if (!record) return;
          audits.push({
            table,
            action: 'delete',
            recordId: ids[i],
            branchId: record.branchId ?? (table === 'branches' ? record.id : undefined),
            summary: `撤销导入：删除导入新增的${recordName(table, record, table === 'branches' ? '党支部' : RECORD_LABELS[table])}`,
            before: record,
          });
        });
      }
      const priors = batch.replaced.filter((r) => r.table === table).map(priorOf);
      if (priors.length > 0) {
        const current = await recordTable(db, table).bulkGet(priors.map((p) => p.id));
        await recordTable(db, table).bulkPut(priors);
        priors.forEach((prior, i) => {
          const now = current[i];
          const fieldLabels = table === 'branches' ? {} : anySpec(table).labels.fields;
          const labels = now
            ? Object.entries(fieldLabels)
                .filter(([k]) => JSON.stringify(now[k]) !== JSON.stringify(prior[k]))
                .map(([, label]) => label)
                .join('、')
            : '';
          audits.push({
            table,
            action: 'update',
            recordId: prior.id,
            branchId: prior.branchId,
            summary: `撤销导入：恢复导入前的${labels || '信息'}`,
            before: now,
            after: prior,
          });
        });
      }
    }
    await writeAuditMany(db, audits);
    const undone: ImportBatch = { ...batch, undoneAt: nowIso() };
    await db.importBatches.put(undone);
    return undone;
  });
}

/** A branch's import batches, newest first. */
export async function listImportBatches(db: BranchLedgerDatabase, branchId: string): Promise<ImportBatch[]> {
  const batches = await db.importBatches.where('branchId').equals(branchId).toArray();
  return batches.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
