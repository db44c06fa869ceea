import { nowIso } from './audit';
import type { BranchLedgerDatabase } from './database';
import { putChange, type RecordOf, type RecordTable } from './records';

/**
 * Links between records: a field of one record naming another. Made with `link`, cleared with `unlink`; when a
 * record is deleted, `unlinkAll` clears every link to it (each linking record gets an audit entry), in the
 * transaction of the delete. Links kept after a delete are declared here too, with the reason.
 *
 * Kept on delete (the record still says where it came from; pages show the other side as deleted):
 * - 整改任务 `origin` → the meeting, talk or analysis it was raised from;
 * - 学时 `meetingId` → the meeting that credited it (the hours stay earned);
 * - 民主评议结果 `meetingId` → the 民主评议党员 meeting;
 * - 思想动态分析 `previousId` → the analysis whose entries it started from.
 */

interface Link<F extends RecordTable> {
  /** The record that holds the link, and the field's table of the records it names. */
  from: F;
  to: RecordTable;
  /** Whether the record links to `id`. */
  has: (record: RecordOf<F>, id: string) => boolean;
  /** The record linked to `id` as well; undefined when it takes no (further) link. */
  add: (record: RecordOf<F>, id: string) => RecordOf<F> | undefined;
  /** The record without its link to `id`. */
  remove: (record: RecordOf<F>, id: string) => RecordOf<F>;
  /** The audit line on the linking record when the record it names is deleted. */
  removedWithTarget: string;
}

/** The operations of one link, its record type closed over. */
interface LinkOps {
  from: RecordTable;
  to: RecordTable;
  link: (db: BranchLedgerDatabase, fromId: string, toId: string, summary: string) => Promise<boolean>;
  unlink: (db: BranchLedgerDatabase, fromId: string, toId: string, summary: string) => Promise<boolean>;
  unlinkAll: (db: BranchLedgerDatabase, target: { id: string; branchId: string }) => Promise<void>;
}

function defineLink<F extends RecordTable>(spec: Link<F>): LinkOps {
  const records = (db: BranchLedgerDatabase) => db.table<RecordOf<F>, string>(spec.from);
  const stamped = (record: RecordOf<F>, at: string): RecordOf<F> => Object.assign({}, record, { updatedAt: at });
  return {
    from: spec.from,
    to: spec.to,
    async link(db, fromId, toId, summary) {
      const before = await records(db).get(fromId);
      const after = before && spec.add(before, toId);
      if (!before || !after) {
        return false;
      }
      await putChange(db, spec.from, before, { after: stamped(after, nowIso()), summary });
      return true;
    },
    async unlink(db, fromId, toId, summary) {
      const before = await records(db).get(fromId);
      if (!before || !spec.has(before, toId)) {
        return false;
      }
      await putChange(db, spec.from, before, { after: stamped(spec.remove(before, toId), nowIso()), summary });
      return true;
    },
    async unlinkAll(db, target) {
      const linking = await records(db)
        .where('branchId')
        .equals(target.branchId)
        .filter((record) => spec.has(record, target.id))
        .toArray();
      for (const before of linking) {
        await putChange(db, spec.from, before, { after: stamped(spec.remove(before, target.id), nowIso()), summary: spec.removedWithTarget });
      }
    },
  };
}

/** A list of ids in an analysis (its 关联整改任务, its 关联谈心谈话). */
function analysisListLink(field: 'rectificationIds' | 'talkIds', to: RecordTable, removedWithTarget: string): LinkOps {
  return defineLink<'analyses'>({
    from: 'analyses',
    to,
    has: (analysis, id) => (analysis[field] ?? []).includes(id),
    add: (analysis, id) => ((analysis[field] ?? []).includes(id) ? undefined : { ...analysis, [field]: [...(analysis[field] ?? []), id] }),
    remove: (analysis, id) => ({ ...analysis, [field]: analysis[field].filter((linked) => linked !== id) }),
    removedWithTarget,
  });
}

/** Every link cleared when the record it names is deleted. */
const LINKS: readonly LinkOps[] = [
  /** A talk's 关联整改任务 (set when a task is raised from the talk). */
  defineLink<'talks'>({
    from: 'talks',
    to: 'rectifications',
    has: (talk, id) => talk.rectificationId === id,
    add: (talk, id) => (talk.rectificationId ? undefined : { ...talk, rectificationId: id }),
    remove: (talk) => {
      const { rectificationId: _removed, ...rest } = talk;
      return rest;
    },
    removedWithTarget: '关联的整改任务已删除',
  }),
  /** An analysis' 关联整改任务 (raised from it, or chosen in its form). */
  analysisListLink('rectificationIds', 'rectifications', '关联的整改任务已删除'),
  /** An analysis' 关联谈心谈话 (chosen in its form). */
  analysisListLink('talkIds', 'talks', '关联的谈心谈话已删除'),
];

function linkBetween(from: RecordTable, to: RecordTable): LinkOps | undefined {
  return LINKS.find((l) => l.from === from && l.to === to);
}

/** Links a record to another (a talk to the task raised from it); false when it takes no link. */
export async function link(db: BranchLedgerDatabase, from: { table: RecordTable; id: string }, to: { table: RecordTable; id: string }, summary: string): Promise<boolean> {
  return (await linkBetween(from.table, to.table)?.link(db, from.id, to.id, summary)) ?? false;
}

/** Clears one record's link to another; false when there was none. */
export async function unlink(db: BranchLedgerDatabase, from: { table: RecordTable; id: string }, to: { table: RecordTable; id: string }, summary: string): Promise<boolean> {
  return (await linkBetween(from.table, to.table)?.unlink(db, from.id, to.id, summary)) ?? false;
}

/** The tables whose records may link to one of `table`: the scope a delete's transaction needs. */
export function tablesLinkingTo(table: RecordTable): RecordTable[] {
  return LINKS.filter((l) => l.to === table).map((l) => l.from);
}

/** Clears every link to a record being deleted, inside the caller's transaction. */
export async function unlinkAll(db: BranchLedgerDatabase, table: RecordTable, target: { id: string; branchId: string }): Promise<void> {
  for (const ops of LINKS.filter((l) => l.to === table)) {
    await ops.unlinkAll(db, target);
  }
}
