// Property checks of the typed-date parser (dateInputProperties.ts): here, and in child processes under four time
// zones (the engine reads TZ once at start, so another zone needs another process).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDateInputProperties, typedCases } from './dateInputProperties';

const SEED = 20190618;
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];
const CASES_PER_DATE = typedCases(2019, 6, 18, 14, 30).length;

const CHILD = `
const { checkDateInputProperties } = await import(${JSON.stringify(new URL('./dateInputProperties.ts', import.meta.url).href)});
const properties = checkDateInputProperties(Number(process.env.SEED), 300);
console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2025, 0, 1).getTimezoneOffset(), properties }));
`;

describe('typed dates, properties', () => {
  it('reads every typed style back as the same day, and what the field shows as the same value', () => {
    const { checked, failures } = checkDateInputProperties(SEED, 500);
    expect(checked).toBe(500 * CASES_PER_DATE);
    expect(failures).toEqual([]);
  });

  it.each(ZONES)('holds under TZ=%s', (zone) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, TZ: zone, SEED: String(SEED + ZONES.indexOf(zone)) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr.replace(/^\s*$/gm, '')).toBe('');
    const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
    expect(report.zone).toBe(zone);
    if (zone !== 'UTC') {
      expect(report.offset).not.toBe(0);
    }
    expect(report.properties.failures).toEqual([]);
    expect(report.properties.checked).toBe(300 * CASES_PER_DATE);
  });
});
