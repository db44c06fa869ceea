import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Damaged copies of a workbook for the fuzz tests (shared/ledgers/fuzz.test.ts reads them, renderer/src/db's import
 * fuzz test plans and commits them): bytes flipped, the file cut short, zip entries removed, garbled or cut, XML broken.
 */
export type Mutation = { kind: string; bytes: Uint8Array };

export function mutate(source: Uint8Array, random: () => number): Mutation {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const kind = pick(['flip', 'truncate', 'remove-entry', 'garble-entry', 'cut-xml', 'break-xml', 'flip-in-entry'] as const);
  if (kind === 'flip') {
    const bytes = source.slice();
    for (let i = 0, n = 1 + int(30); i < n; i += 1) {
      bytes[int(bytes.length)] = int(256);
    }
    return { kind, bytes };
  }
  if (kind === 'truncate') {
    return { kind, bytes: source.slice(0, int(source.length)) };
  }
  // The rest work on the entries and zip them again, so the zip itself stays readable and the damage is inside.
  const entries = unzipSync(source);
  const names = Object.keys(entries);
  const name = pick(names);
  if (kind === 'remove-entry') {
    delete entries[name];
  } else if (kind === 'garble-entry') {
    entries[name] = new Uint8Array(int(2000)).map(() => int(256));
  } else if (kind === 'cut-xml') {
    entries[name] = entries[name].slice(0, int(entries[name].length));
  } else if (kind === 'break-xml') {
    const xml = strFromU8(entries[name]);
    const at = int(xml.length);
    const junk = pick(['<', '>', '&', '"', '</row>', '<c r="ZZZ99999999">', '<v>1e999</v>', 'r="A0"', '<si><t>', '\u0000', '<!DOCTYPE x [<!ENTITY a "b">]>']);
    entries[name] = strToU8(xml.slice(0, at) + junk + xml.slice(at));
  } else {
    const bytes = entries[name].slice();
    for (let i = 0, n = 1 + int(10); i < n && bytes.length > 0; i += 1) {
      bytes[int(bytes.length)] = int(256);
    }
    entries[name] = bytes;
  }
  return { kind: `${kind} ${name}`, bytes: zipSync(entries) };
}

