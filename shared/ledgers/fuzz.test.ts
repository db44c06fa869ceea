// Fuzzing the reading pipeline with damaged versions of the sample workbooks (seeded, so a failure replays):
// byte flips, truncations, zip entries removed, garbled or cut, XML broken inside an entry. readLedgerFile must
// never throw, and every result must be well formed: sheets, or a Chinese message about the file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './dateProperties';
import { mutate } from './mutations';
import { readLedgerFile, type LedgerFileResult } from './index';

const SEED = 5_0305;
const CASES = 500;
const CHINESE = /[\u4e00-\u9fa5]/;

const fixtureUrl = new URL('./fixtures/', import.meta.url);
const samples = [
  ...readdirSync(fixtureUrl).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(new URL('difficulties/', fixtureUrl)).filter((f) => f.endsWith('.xlsx')).map((f) => `difficulties/${f}`),
].map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, fixtureUrl))) }));

function assertWellFormed(result: LedgerFileResult, fileName: string): void {
  expect(result.fileName).toBe(fileName);
  expect(Array.isArray(result.sheets)).toBe(true);
  for (const issue of result.fileIssues) {
    expect(issue.message).toMatch(CHINESE);
    expect(['error', 'warning']).toContain(issue.severity);
  }
  if (result.sheets.length === 0) {
    // Nothing read: then the file issue says why, in Chinese.
    expect(result.fileIssues.some((i) => i.severity === 'error')).toBe(true);
    return;
  }
  for (const sheet of result.sheets) {
    expect(typeof sheet.name).toBe('string');
    if (!sheet.ledger) {
      expect(sheet.reason).toMatch(CHINESE);
    }
    for (const row of sheet.rows) {
      expect(Number.isInteger(row.rowNumber) && row.rowNumber > 0).toBe(true);
      for (const issue of row.issues) {
        expect(issue.message).toMatch(CHINESE);
        expect(issue.row).toBe(row.rowNumber);
      }
    }
  }
}

describe('fuzzing readLedgerFile with damaged workbooks', () => {
  it(`survives ${CASES} seeded mutations of ${samples.length} sample workbooks`, async () => {
    const random = seededRandom(SEED);
    const kinds = new Map<string, number>();
    let unreadable = 0;
    for (let i = 0; i < CASES; i += 1) {
      const sample = samples[i % samples.length];
      const mutation = mutate(sample.bytes, random);
      const fileName = `fuzz-${i}.xlsx`;
      let result: LedgerFileResult;
      try {
        result = await readLedgerFile(fileName, mutation.bytes, { today: '2025-03-05' });
      } catch (error) {
        throw new Error(`case ${i} (${sample.name}, ${mutation.kind}) threw: ${String(error)}`, { cause: error });
      }
      try {
        assertWellFormed(result, fileName);
      } catch (error) {
        throw new Error(`case ${i} (${sample.name}, ${mutation.kind}): ${String(error)}`, { cause: error });
      }
      const kind = mutation.kind.split(' ')[0];
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      unreadable += result.sheets.length === 0 ? 1 : 0;
    }
    // Every kind of damage was tried, and both outcomes occur: some files still read, some are refused.
    expect([...kinds.keys()].sort()).toEqual(['break-xml', 'cut-xml', 'flip', 'flip-in-entry', 'garble-entry', 'remove-entry', 'truncate']);
    expect(unreadable).toBeGreaterThan(20);
    expect(unreadable).toBeLessThan(CASES);
  }, 120_000);
});
