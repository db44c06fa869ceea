/**
 * The meeting types a branch can record: the built-in MEETING_TYPES (三会一课 and the others of DOMAIN §3.3) and
 * the types added in 设置 → 会议类型, stored as one row of the settings table. Custom types are free to use in
 * meetings but are not checked by the frequency rules.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { MEETING_TYPES } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { db } from './index';

export const MEETING_TYPES_KEY = 'meetingTypes';

const BUILT_IN: ReadonlySet<string> = new Set(MEETING_TYPES);

export const meetingTypeNameSchema = z
  .string()
  .trim()
  .min(2, '会议类型名称至少2个字')
  .max(20, '会议类型名称不超过20个字')
  .refine((name) => !BUILT_IN.has(name), { message: '这是内置会议类型，无需添加' });

/** What the settings row holds: the custom types, unique, in the order added. */
export const customMeetingTypesSchema = z
  .array(meetingTypeNameSchema)
  .refine((names) => new Set(names).size === names.length, { message: '会议类型名称不能重复' });

export function isBuiltInMeetingType(type: string): boolean {
  return BUILT_IN.has(type);
}

/** The custom types stored; a missing or broken row reads as none. */
export async function getCustomMeetingTypes(database: BranchLedgerDatabase): Promise<string[]> {
  const parsed = customMeetingTypesSchema.safeParse((await database.settings.get(MEETING_TYPES_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

/** Every type to offer: the built-in ones first, then the custom ones. */
export async function getMeetingTypes(database: BranchLedgerDatabase): Promise<string[]> {
  return [...MEETING_TYPES, ...(await getCustomMeetingTypes(database))];
}

/** How many meetings (of any branch) are of this type or count as it. */
export async function countMeetingsOfType(database: BranchLedgerDatabase, type: string): Promise<number> {
  const ids = new Set<string>();
  for (const meeting of await database.meetings.filter((m) => m.type === type).toArray()) {
    ids.add(meeting.id);
  }
  for (const id of await database.meetings.where('alsoCountsAs').equals(type).primaryKeys()) {
    ids.add(id);
  }
  return ids.size;
}

/** Adds a custom type; refuses a blank, too short or too long, built-in or duplicate name. Returns the name stored. */
export async function addMeetingType(database: BranchLedgerDatabase, name: string): Promise<string> {
  const parsedName = meetingTypeNameSchema.safeParse(name);
  if (!parsedName.success) {
    throw new ValidationError(parsedName.error.issues.map((issue) => ({ field: 'name', message: issue.message })));
  }
  const trimmed = parsedName.data;
  return database.transaction('rw', database.settings, async () => {
    const current = await getCustomMeetingTypes(database);
    if (current.includes(trimmed)) {
      throw new ValidationError([{ field: 'name', message: `已有会议类型“${trimmed}”` }]);
    }
    const next = customMeetingTypesSchema.parse([...current, trimmed]);
    await database.settings.put({ key: MEETING_TYPES_KEY, value: next });
    return trimmed;
  });
}

/** Removes a custom type; built-in types and types that meetings still use stay. */
export async function removeMeetingType(database: BranchLedgerDatabase, name: string): Promise<void> {
  if (isBuiltInMeetingType(name)) {
    throw new ValidationError([{ field: 'name', message: `“${name}”是内置会议类型，不能删除` }]);
  }
  await database.transaction('rw', database.settings, database.meetings, async () => {
    const current = await getCustomMeetingTypes(database);
    if (!current.includes(name)) {
      return;
    }
    const used = await countMeetingsOfType(database, name);
    if (used > 0) {
      throw new ValidationError([{ field: 'name', message: `还有${used}次会议使用“${name}”，不能删除` }]);
    }
    const next = current.filter((t) => t !== name);
    await (next.length === 0 ? database.settings.delete(MEETING_TYPES_KEY) : database.settings.put({ key: MEETING_TYPES_KEY, value: next }));
  });
}

/** Every meeting type (built-in, then custom), live; the built-in ones while loading. */
const BUILT_IN_LIST: readonly string[] = MEETING_TYPES;

export function useMeetingTypes(): readonly string[] {
  return useLiveQuery(() => getMeetingTypes(db), [], BUILT_IN_LIST);
}

/** The custom meeting types, live; `undefined` while loading. */
export function useCustomMeetingTypes(): string[] | undefined {
  return useLiveQuery(() => getCustomMeetingTypes(db), []);
}

/** 设置 → 会议类型: 添加 and 删除 on the app's database. */
export const meetingTypeStore = {
  add: (name: string) => addMeetingType(db, name),
  remove: (name: string) => removeMeetingType(db, name),
};
