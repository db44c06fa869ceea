import { BranchLedgerDatabase } from './database';

let counter = 0;

/** A fresh database for one test (requires `fake-indexeddb/auto` in the test file). */
export function freshDatabase(): BranchLedgerDatabase {
  counter += 1;
  return new BranchLedgerDatabase(`test-${Date.now()}-${counter}`);
}
