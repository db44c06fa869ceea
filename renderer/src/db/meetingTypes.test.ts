import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MEETING_TYPES, type Meeting } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import {
  addMeetingType,
  countMeetingsOfType,
  getCustomMeetingTypes,
  getMeetingTypes,
  MEETING_TYPES_KEY,
  removeMeetingType,
} from './meetingTypes';
import { freshDatabase, refusal } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

function meeting(id: string, type: string, alsoCountsAs: string[] = []): Meeting {
  return {
    id,
    branchId: 'b1',
    createdAt: '2025-03-05T10:00:00+08:00',
    updatedAt: '2025-03-05T10:00:00+08:00',
    type,
    alsoCountsAs,
    title: `${type}${id}`,
    startAt: '2025-03-05T14:30:00+08:00',
    attendance: [],
    topics: [],
    speeches: [],
    resolutions: [],
  };
}

async function refusalMessage(promise: Promise<unknown>): Promise<string> {
  return (await refusal(promise)).message;
}

describe('meeting types', () => {
  it('offers the built-in types when none were added', async () => {
    expect(await getMeetingTypes(db)).toEqual([...MEETING_TYPES]);
    expect(await getCustomMeetingTypes(db)).toEqual([]);
  });

  it('adds custom types trimmed, after the built-in ones, in the order added', async () => {
    expect(await addMeetingType(db, ' 读书班 ')).toBe('读书班');
    await addMeetingType(db, '警示教育会');
    expect(await getMeetingTypes(db)).toEqual([...MEETING_TYPES, '读书班', '警示教育会']);
    expect((await db.settings.get(MEETING_TYPES_KEY))?.value).toEqual(['读书班', '警示教育会']);
  });

  it('refuses a duplicate, a built-in, a too short or too long name', async () => {
    await addMeetingType(db, '读书班');
    expect(await refusalMessage(addMeetingType(db, '读书班 '))).toContain('已有会议类型');
    expect(await refusalMessage(addMeetingType(db, '党课'))).toContain('内置');
    expect(await refusalMessage(addMeetingType(db, ' 会 '))).toContain('至少2个字');
    expect(await refusalMessage(addMeetingType(db, '会'.repeat(21)))).toContain('不超过20个字');
    expect(await getCustomMeetingTypes(db)).toEqual(['读书班']);
  });

  it('reads a broken row as no custom types', async () => {
    await db.settings.put({ key: MEETING_TYPES_KEY, value: ['读书班', 42] });
    expect(await getMeetingTypes(db)).toEqual([...MEETING_TYPES]);
  });

  it('removes an unused custom type, and the row with the last one', async () => {
    await addMeetingType(db, '读书班');
    await addMeetingType(db, '警示教育会');
    await removeMeetingType(db, '读书班');
    expect(await getCustomMeetingTypes(db)).toEqual(['警示教育会']);
    await removeMeetingType(db, '警示教育会');
    expect(await db.settings.get(MEETING_TYPES_KEY)).toBeUndefined();
  });

  it('never removes a built-in type', async () => {
    expect(await refusalMessage(removeMeetingType(db, '党课'))).toContain('内置会议类型，不能删除');
  });

  it('refuses to remove a type meetings still use, naming how many', async () => {
    await addMeetingType(db, '读书班');
    await db.meetings.bulkAdd([meeting('m1', '读书班'), meeting('m2', '主题党日', ['读书班']), meeting('m3', '党课')]);
    expect(await countMeetingsOfType(db, '读书班')).toBe(2);
    expect(await refusalMessage(removeMeetingType(db, '读书班'))).toBe('还有2次会议使用“读书班”，不能删除');
    expect(await getCustomMeetingTypes(db)).toEqual(['读书班']);
    await db.meetings.bulkDelete(['m1', 'm2']);
    await removeMeetingType(db, '读书班');
    expect(await getCustomMeetingTypes(db)).toEqual([]);
  });
});
