import type { LedgerDefinition } from '../types';
import { analysesLedger } from './analyses';
import { meetingsLedger } from './meetings';
import { membersLedger } from './members';
import { rectificationsLedger } from './rectifications';
import { talksLedger } from './talks';

/** Every ledger a sheet can be; order breaks ties (the roster first). */
export const LEDGER_DEFINITIONS: readonly LedgerDefinition[] = [
  membersLedger as LedgerDefinition,
  meetingsLedger as LedgerDefinition,
  talksLedger as LedgerDefinition,
  analysesLedger as LedgerDefinition,
  rectificationsLedger as LedgerDefinition,
];

export { membersLedger, type ImportedMember, type MemberColumnField, importedMemberSchema } from './members';
export {
  meetingsLedger,
  importedMeetingSchema,
  meetingInstant,
  MEETING_TYPE_ALIASES,
  type ImportedMeeting,
  type MeetingColumnField,
} from './meetings';
export { talksLedger, importedTalkSchema, type ImportedTalk, type TalkColumnField } from './talks';
export {
  analysesLedger,
  importedAnalysisEntrySchema,
  parseAnalysisPeriod,
  type ImportedAnalysisEntry,
  type AnalysisColumnField,
  type ParsedPeriod,
} from './analyses';
export {
  rectificationsLedger,
  importedRectificationSchema,
  parseProgress,
  type ProgressLine,
  type ImportedRectification,
  type RectificationColumnField,
} from './rectifications';
export { nameKey, splitNames, parseAbsentees, readAbsence, formatAbsentee, type NamedAbsence } from './common';
