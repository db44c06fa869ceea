import { LEDGER_KINDS, type LedgerDefinition, type LedgerKind } from '../types';
import { analysesLedger } from './analyses';
import { meetingsLedger } from './meetings';
import { membersLedger } from './members';
import { rectificationsLedger } from './rectifications';
import { duesLedger } from './dues';
import { reviewsLedger } from './reviews';
import { trainingLedger } from './training';
import { talksLedger } from './talks';

/**
 * The import definition of each kind (the compiler refuses a kind without one); shared/kinds composes them into the
 * kinds' specs. Kept here, below the registry, because the reader classifies sheets with them.
 */
export const LEDGER_DEFINITION_OF = {
  members: membersLedger,
  meetings: meetingsLedger,
  talks: talksLedger,
  analyses: analysesLedger,
  rectifications: rectificationsLedger,
  reviews: reviewsLedger,
  dues: duesLedger,
  training: trainingLedger,
} as const satisfies Record<LedgerKind, { kind: LedgerKind; label: string }>;

/** Every ledger a sheet can be, in LEDGER_KINDS order (order breaks ties: the roster first). */
export const LEDGER_DEFINITIONS: readonly LedgerDefinition[] = LEDGER_KINDS.map((kind) => LEDGER_DEFINITION_OF[kind] as LedgerDefinition); // why: each definition is of its own record type

/** The ledger's name (`党员花名册`, `“三会一课”会议记录` …), from its definition. */
export const LEDGER_LABELS = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, LEDGER_DEFINITION_OF[kind].label])) as Record<LedgerKind, string>; // why: fromEntries loses the keys

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
