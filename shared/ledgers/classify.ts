import { normalizeHeader, stripHeaderNotes } from './normalize';
import type { CellValue, LedgerDefinition, SheetGrid } from './types';

/** How many rows from the top may hold titles, unit/date lines and the header. */
export const HEADER_SEARCH_ROWS = 15;
const MIN_MATCHED_COLUMNS = 2;

export interface ColumnMatch {
  /** 1-based column number. */
  column: number;
  /** The header as written (two-row headers joined with a space). */
  header: string;
  /** The definition field it maps to; undefined for columns this ledger does not read (序号, 籍贯…). */
  field?: string;
  /** Set when a second column means the same field: it is ignored, and the preview says so. */
  duplicateOf?: number;
}

export interface SheetClassification {
  ledger?: LedgerDefinition;
  /** 1-based rows that make up the header (one, or two joined). */
  headerRows: number[];
  columns: ColumnMatch[];
  /** Why a sheet is not a ledger, for the preview (填表说明, or a ledger missing its key columns). */
  reason?: string;
}

function headerText(cell: CellValue | undefined): string {
  return cell?.kind === 'text' ? cell.text : '';
}

function lookupFor(definition: LedgerDefinition): Map<string, string> {
  const map = new Map<string, string>();
  for (const column of definition.columns) {
    for (const header of column.headers) {
      map.set(normalizeHeader(header), column.field);
    }
  }
  return map;
}

interface Candidate {
  definition: LedgerDefinition;
  headerRows: number[];
  columns: ColumnMatch[];
  matched: number;
  eligible: boolean;
  missing: string[];
}

/** Matches one header layout against one ledger: each column's candidate texts in order, exact after normalisation. */
function matchColumns(definition: LedgerDefinition, lookup: Map<string, string>, texts: string[][], shown: string[]) {
  const columns: ColumnMatch[] = [];
  const taken = new Map<string, number>();
  texts.forEach((candidates, index) => {
    let field: string | undefined;
    for (const candidate of candidates) {
      const normalized = normalizeHeader(candidate);
      field = lookup.get(normalized) ?? lookup.get(stripHeaderNotes(normalized));
      if (field) {
        break;
      }
    }
    const match: ColumnMatch = { column: index + 1, header: shown[index] };
    if (field && taken.has(field)) {
      match.duplicateOf = taken.get(field);
    } else if (field) {
      match.field = field;
      taken.set(field, index + 1);
    }
    columns.push(match);
  });
  const missing = definition.keyFields
    .filter((group) => !group.some((f) => taken.has(f)))
    .map((group) => group.map((f) => definition.columns.find((c) => c.field === f)?.label ?? f).join('或'));
  return { columns, matched: taken.size, missing };
}

/**
 * Finds the header row below titles and unit/date lines, joins a two-row header when that matches more columns,
 * and picks the ledger whose synonyms match most columns among those whose key columns are all present.
 */
export function classifySheet(sheet: SheetGrid, definitions: readonly LedgerDefinition[]): SheetClassification {
  const lookups = definitions.map((d) => ({ definition: d, lookup: lookupFor(d) }));
  let best: Candidate | undefined;
  let nearMiss: Candidate | undefined;
  const consider = (candidate: Candidate) => {
    if (candidate.eligible) {
      if (!best || candidate.matched > best.matched) {
        best = candidate;
      }
    } else if (candidate.matched >= MIN_MATCHED_COLUMNS && (!nearMiss || candidate.matched > nearMiss.matched)) {
      nearMiss = candidate;
    }
  };
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const layouts: { texts: string[][]; shown: string[] }[] = [];
  for (let r = 0; r < last; r += 1) {
    const row = sheet.rows[r] ?? [];
    layouts.push({ texts: row.map((c) => (headerText(c) ? [headerText(c)] : [])), shown: row.map(headerText) });
  }
  for (let r = 0; r < last; r += 1) {
    const top = sheet.rows[r] ?? [];
    const next = sheet.rows[r + 1] ?? [];
    const width = Math.max(top.length, next.length);
    const double: string[][] = [];
    const doubleShown: string[] = [];
    for (let c = 0; c < width; c += 1) {
      const h1 = headerText(top[c]);
      const h2 = headerText(next[c]);
      // Merged vertically (姓名 over two rows) both rows hold the same text; under a group header (联系方式 / 手机)
      // the joined text, then the lower, then the upper one may be the synonym.
      double.push(h1 && h2 && h1 !== h2 ? [h1 + h2, h2, h1] : [h2 || h1]);
      doubleShown.push(h1 && h2 && h1 !== h2 ? `${h1} ${h2}` : h2 || h1);
    }
    for (const { definition, lookup } of lookups) {
      const one = matchColumns(definition, lookup, layouts[r].texts, layouts[r].shown);
      consider({
        definition,
        headerRows: [r + 1],
        ...one,
        eligible: one.missing.length === 0 && one.matched >= MIN_MATCHED_COLUMNS,
      });
      if (r + 1 < last) {
        // Two rows only when both rows add something: a title or unit line above a header adds nothing.
        const lower = matchColumns(definition, lookup, layouts[r + 1].texts, layouts[r + 1].shown);
        const two = matchColumns(definition, lookup, double, doubleShown);
        if (two.matched > one.matched && two.matched > lower.matched) {
          consider({
            definition,
            headerRows: [r + 1, r + 2],
            ...two,
            eligible: two.missing.length === 0 && two.matched >= MIN_MATCHED_COLUMNS,
          });
        }
      }
    }
  }
  if (best) {
    return { ledger: best.definition, headerRows: best.headerRows, columns: best.columns };
  }
  const miss = nearMiss as Candidate | undefined;
  if (miss) {
    return {
      headerRows: miss.headerRows,
      columns: miss.columns,
      reason: `表头像是${miss.definition.label}，但缺少“${miss.missing.join('”“')}”列，未导入。请检查表头文字`,
    };
  }
  return { headerRows: [], columns: [], reason: '没有找到台账表头（如 姓名、会议类型、谈话时间、存在问题），不是台账，已跳过' };
}
