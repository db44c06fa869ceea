import {
  checkIdNumber,
  checkMember,
  completeFromIdNumber,
  MEMBER_FIELD_LABELS,
  memberFieldsSchema,
  type Departure,
  type Member,
  type MemberFields,
} from '@shared/model';
import { departureSchema } from '@shared/model';
import { formatDate, todayIso } from '@shared/dates';
import { historyOf, nowIso } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { problemsFromZod, ValidationError } from './errors';
import { createRecord, fieldChange, newRecordMeta, updateRecord } from './records';

export type MemberInput = Partial<MemberFields>;

/** Validates a member against its schema and the branch; throws ValidationError with every problem. */
async function validate(
  db: BranchLedgerDatabase,
  branchId: string,
  input: MemberInput,
  selfId: string | undefined,
  today: string,
): Promise<MemberFields> {
  const completed = completeFromIdNumber(input);
  const parsed = memberFieldsSchema.safeParse(completed);
  const problems = parsed.success ? [] : problemsFromZod(parsed.error);
  const otherIdNumbers = new Set<string>();
  // Only a number that passes GB 11643 is a key: one 待核对 may be a typo of anyone's (it is kept as written).
  if (completed.idNumber && checkIdNumber(completed.idNumber).ok) {
    const sameId = await db.members.where('[branchId+idNumber]').equals([branchId, completed.idNumber]).toArray();
    for (const other of sameId) {
      if (other.id !== selfId && other.idNumber) {
        otherIdNumbers.add(other.idNumber);
      }
    }
  }
  // Cross-field checks run even when the shape is wrong, so the user sees every problem at once.
  for (const issue of checkMember(completed, { today, otherIdNumbers })) {
    if (issue.severity === 'error' && !problems.some((p) => p.field === issue.field)) {
      problems.push({ field: issue.field, message: issue.message });
    }
  }
  if (!parsed.success || problems.length > 0) {
    throw new ValidationError(problems);
  }
  const fields = parsed.data;
  return fields;
}

export async function addMember(
  db: BranchLedgerDatabase,
  branchId: string,
  input: MemberInput,
  today: string = todayIso(),
): Promise<Member> {
  return db.transaction('rw', db.members, db.auditLog, async () => {
    const fields = await validate(db, branchId, input, undefined, today);
    return createRecord(db, 'members', { ...fields, ...newRecordMeta(), branchId }, `新增党员 ${fields.name}`);
  });
}

const MEMBER_FIELD_KEYS = memberFieldsSchema.keyof().options;

export async function updateMember(
  db: BranchLedgerDatabase,
  id: string,
  input: MemberInput,
  today: string = todayIso(),
): Promise<Member> {
  return updateRecord(db, 'members', id, {
    next: async (before) => {
      const fields = await validate(db, before.branchId, { ...input, departure: before.departure }, id, today);
      return fieldChange(before, { fields, keys: MEMBER_FIELD_KEYS, labels: MEMBER_FIELD_LABELS });
    },
  });
}

/** A member who leaves goes to 历史党员 with reason and date; the record stays. */
export async function moveToHistory(db: BranchLedgerDatabase, id: string, departureInput: Departure): Promise<Member> {
  const parsed = departureSchema.safeParse(departureInput);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  const departure = parsed.data;
  return updateRecord(db, 'members', id, {
    next: (before) => ({
      after: { ...before, departure, updatedAt: nowIso() },
      summary: `移入历史党员（${departure.reason}，${formatDate(departure.date)}）`,
    }),
  });
}

/** Back on the roster, e.g. a 历史党员 moved there by mistake. */
export async function restoreFromHistory(db: BranchLedgerDatabase, id: string): Promise<Member> {
  return updateRecord(db, 'members', id, {
    next: (before) => {
      const { departure: _left, ...after } = before;
      return { after: { ...after, updatedAt: nowIso() }, summary: '恢复为在册党员' };
    },
  });
}

/** Only for a record entered by mistake: the audit log keeps the whole record. */
export async function deleteMemberEnteredByMistake(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteRecord(db, 'members', id, { summary: (before) => `删除误录入的党员 ${before.name}` });
}

export async function listMembers(db: BranchLedgerDatabase, branchId: string): Promise<Member[]> {
  return db.members.where('branchId').equals(branchId).toArray();
}

export function memberHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'members', id);
}
