import type { LedgerDefinition } from '../types';
import { membersLedger } from './members';
import { analysesLedger, meetingsLedger, rectificationsLedger, talksLedger } from './others';

/** Every ledger a sheet can be; order breaks ties (the roster first). */
export const LEDGER_DEFINITIONS: readonly LedgerDefinition[] = [
  membersLedger as LedgerDefinition,
  meetingsLedger,
  talksLedger,
  analysesLedger,
  rectificationsLedger,
];

export { membersLedger, type ImportedMember, type MemberColumnField, importedMemberSchema } from './members';
export { analysesLedger, meetingsLedger, rectificationsLedger, talksLedger } from './others';
