/**
 * Rows in → records out over every ledger fixture of the project (the five samples and every difficulty): how many
 * rows a file holds, how many identify a record (no error on a field of definition.identity), how many became
 * records, how many rows were instructions (skipped, 说明文字) and how many row issues fell on notes. Goal: 100 % of
 * identifiable rows become records, 0 row issues on notes. Printed by `npm run bench` and copied into README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEDGER_DEFINITIONS, NOTE_START, readLedgerFile } from '../../shared/ledgers';

const FOLDER = fileURLToPath(new URL('../../shared/ledgers/fixtures/', import.meta.url));
const TODAY = '2025-03-05';

export interface CoverageLine {
  file: string;
  rows: number;
  identifiable: number;
  records: number;
  noteRows: number;
  issuesOnNotes: number;
}

function fixtures(): string[] {
  const top = readdirSync(FOLDER).filter((f) => /\.(xlsx|csv)$/.test(f));
  const hard = readdirSync(`${FOLDER}difficulties/`).filter((f) => /\.(xlsx|csv)$/.test(f)).map((f) => `difficulties/${f}`);
  return [...top, ...hard].sort();
}

export async function measureImportCoverage(): Promise<CoverageLine[]> {
  const lines: CoverageLine[] = [];
  for (const file of fixtures()) {
    const result = await readLedgerFile(file.split('/').pop() ?? file, new Uint8Array(readFileSync(`${FOLDER}${file}`)), { today: TODAY });
    const line: CoverageLine = { file, rows: 0, identifiable: 0, records: 0, noteRows: 0, issuesOnNotes: 0 };
    for (const sheet of result.sheets) {
      const definition = LEDGER_DEFINITIONS.find((d) => d.kind === sheet.ledger);
      if (!definition) continue;
      const identity = new Set(definition.columns.filter((c) => definition.identity.includes(c.field)).map((c) => c.label));
      line.noteRows += sheet.notes.reduce((n, b) => n + b.rows.length, 0);
      for (const row of sheet.rows) {
        line.rows += 1;
        const refused = row.issues.some((i) => i.severity === 'error' && (!i.header || identity.has(i.header)));
        if (!refused) line.identifiable += 1;
        if (row.record) line.records += 1;
        if (Object.values(row.values).some((v) => typeof v === 'string' && NOTE_START.test(v))) {
          line.issuesOnNotes += row.issues.length || 1;
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

export function coverageTable(lines: readonly CoverageLine[]): string {
  const total = lines.reduce(
    (t, l) => ({ ...t, rows: t.rows + l.rows, identifiable: t.identifiable + l.identifiable, records: t.records + l.records, noteRows: t.noteRows + l.noteRows, issuesOnNotes: t.issuesOnNotes + l.issuesOnNotes }),
    { file: '合计 total', rows: 0, identifiable: 0, records: 0, noteRows: 0, issuesOnNotes: 0 },
  );
  const pct = (l: CoverageLine) => (l.identifiable ? `${((100 * l.records) / l.identifiable).toFixed(0)} %` : '—');
  const out = ['| fixture | rows | identifiable | records | records / identifiable | note rows skipped | row issues on notes |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const l of [...lines, total]) {
    out.push(`| ${l.file} | ${l.rows} | ${l.identifiable} | ${l.records} | ${pct(l)} | ${l.noteRows} | ${l.issuesOnNotes} |`);
  }
  out.push('goal: 100 % of identifiable rows become records; 0 row issues on notes');
  return out.join('\n');
}
