import type { LedgerDefinition } from '../types';

/**
 * registry: the one missing piece of the three new kinds. Add `'reviews' | 'dues' | 'training'` to LedgerKind
 * (shared/ledgers/types.ts), then type the three definitions as LedgerDefinition, list them in LEDGER_DEFINITIONS
 * and delete this file (its uses become plain casts like index.ts's).
 */
export type NewLedgerKind = 'reviews' | 'dues' | 'training';

export type NewLedgerDefinition<F extends string, R> = Omit<LedgerDefinition<F, R>, 'kind'> & { kind: NewLedgerKind };

export function asLedgerDefinition<F extends string, R>(definition: NewLedgerDefinition<F, R>): LedgerDefinition {
  // Its kind is not in LedgerKind yet; its fields are typed as index.ts casts the five others.
  return definition as unknown as LedgerDefinition;
}
