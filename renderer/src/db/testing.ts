import { generateDemoBranch, type DemoDataset } from '@shared/demo';
import type { Branch, Member } from '@shared/model';
import { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';

let counter = 0;

/** A fresh database for one test (requires `fake-indexeddb/auto` in the test file). */
export function freshDatabase(): BranchLedgerDatabase {
  counter += 1;
  return new BranchLedgerDatabase(`test-${Date.now()}-${counter}`);
}

export interface DemoSetup {
  db: BranchLedgerDatabase;
  demo: DemoDataset;
  branch: Branch;
  /** The members written (all the demo's, or those `members` chose). */
  members: Member[];
}

/**
 * A fresh database holding the demo branch of `today` and its members; `members` picks or reshapes the members
 * written, `talks` writes the demo's talks too.
 */
export async function demoDatabase(
  today: string,
  options: { members?: (members: Member[]) => Member[]; talks?: boolean } = {},
): Promise<DemoSetup> {
  const db = freshDatabase();
  const demo = generateDemoBranch({ today });
  const members = options.members ? options.members(demo.members) : demo.members;
  await db.branches.add(demo.branch);
  await db.members.bulkAdd(members);
  if (options.talks) {
    await db.talks.bulkAdd(demo.talks);
  }
  return { db, demo, branch: demo.branch, members };
}

/** The ValidationError a write was refused with; any other outcome fails the test. */
export async function refusal(work: Promise<unknown>): Promise<ValidationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) {
    const got = error === undefined ? 'success' : error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    throw new Error(`expected a ValidationError, got ${got}`);
  }
  return error;
}

/**
 * Stores `会议照片.png` (id `photo-1`, these bytes, and a thumbnail when given) on the first meeting of the
 * database, as a stored row: for tests of what reads attachments back (package, backup).
 */
export async function storeMeetingPhoto(db: BranchLedgerDatabase, branchId: string, bytes: Uint8Array<ArrayBuffer>, thumbnail?: Uint8Array<ArrayBuffer>): Promise<void> {
  const meeting = await db.meetings.toCollection().first();
  if (!meeting) {
    throw new Error('storeMeetingPhoto needs a meeting (load the demo data first)');
  }
  await db.attachments.add({
    id: 'photo-1',
    branchId,
    ownerTable: 'meetings',
    ownerId: meeting.id,
    name: '会议照片.png',
    mimeType: 'image/png',
    size: bytes.byteLength,
    kind: '照片',
    createdAt: '2025-03-05T10:00:00+08:00',
    data: new Blob([bytes], { type: 'image/png' }),
    ...(thumbnail ? { thumbnail: new Blob([thumbnail], { type: 'image/jpeg' }) } : {}),
  });
}
