import type { AuditEntry } from '@shared/model';
import { ChangeHistoryTimeline } from '../../components/ChangeHistoryTimeline';
import { describeChanges } from './memberFacts';

/** 变更记录 of a member: group ids shown by their names. */
export function MemberHistoryTimeline({ entries, groupNames }: { entries: AuditEntry[] | undefined; groupNames: ReadonlyMap<string, string> }) {
  return (
    <ChangeHistoryTimeline entries={entries} describeChanges={(changes) => describeChanges(changes, groupNames)} />
  );
}
