/** Where the `ledger` CLI writes, and its clock: the real process in scripts/ledger.ts, buffers in the tests. */
export interface LedgerIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Today's date, `YYYY-MM-DD`, when --today is not given; defaults to the local calendar day. */
  today?: () => string;
}
