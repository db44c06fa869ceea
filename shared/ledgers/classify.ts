import { columnLetter, headerReadings, normalizeHeader } from './normalize';
import type { CellValue, LedgerDefinition, LedgerKind, SheetGrid } from './types';

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
  /** Why the column was read as its field, or why it lost to another column (said in the preview). */
  why?: string;
}

export interface SheetClassification {
  ledger?: LedgerDefinition;
  /** 1-based rows that make up the header (one, or two joined). */
  headerRows: number[];
  columns: ColumnMatch[];
  /** Why a sheet is not a ledger, for the preview (填表说明, or a ledger missing its key columns). */
  reason?: string;
  /** Not a ledger yet, but `columns` are mapped to this ledger's fields (a near miss): the user may complete it. */
  mappedAs?: LedgerKind;
  /** The user set the sheet to 不导入. */
  excluded?: boolean;
}

function headerText(cell: CellValue | undefined): string {
  return cell?.kind === 'text' ? cell.text : '';
}

/** Each synonym of a ledger → its field and its place in that field's list (earlier synonyms fit better). */
function lookupFor(definition: LedgerDefinition): Map<string, { field: string; rank: number }> {
  const map = new Map<string, { field: string; rank: number }>();
  for (const column of definition.columns) {
    column.headers.forEach((header, rank) => {
      const key = normalizeHeader(header);
      if (!map.has(key)) {
        map.set(key, { field: column.field, rank });
      }
    });
  }
  return map;
}

interface Candidate {
  definition: LedgerDefinition;
  headerRows: number[];
  columns: ColumnMatch[];
  matched: number;
  /** The matched columns that say what the sheet is about (evidenceOf): a near miss needs MIN_MATCHED_COLUMNS. */
  evidence: number;
  eligible: boolean;
  missing: string[];
}

/** `1月`, `十二月份`, `01月`: a month heads a column of any monthly statistics, not of one ledger. */
const MONTH_HEADER = /^(0?[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])月(份)?$/;

/**
 * The columns that show a sheet is meant as this ledger, when its key columns are missing: not a month (the 三会一课
 * export's 类型×月份 has 1月…12月 as a 党费 grid has) nor a column the ledger reads only to check (合计).
 */
function evidenceOf(definition: LedgerDefinition, columns: readonly ColumnMatch[]): number {
  return columns.filter(
    (c) => c.field && !MONTH_HEADER.test(normalizeHeader(c.header)) && !definition.columns.find((d) => d.field === c.field)?.notKept,
  ).length;
}

/** How well a header fits a field: the reading's level first, then the synonym's place in the field's list. */
interface Fit {
  field: string;
  score: number;
  why?: string;
}

function bestFit(lookup: Map<string, { field: string; rank: number }>, candidates: string[]): Fit | undefined {
  let best: Fit | undefined;
  for (const candidate of candidates) {
    for (const reading of headerReadings(normalizeHeader(candidate))) {
      const hit = lookup.get(reading.text);
      if (hit) {
        // As written and without a bracketed note are equally exact: the synonym's place decides between them.
        const score = Math.max(0, reading.level - 1) * 1000 + hit.rank;
        if (!best || score < best.score) {
          best = { field: hit.field, score, why: reading.why };
        }
        break;
      }
    }
  }
  return best;
}

/**
 * Matches one header layout against one ledger. Each column's best reading (headerReadings) names its field; when
 * several columns fit one field the best fit wins (the header as written over a qualified one, an actual time over
 * a planned one, an earlier synonym over a later one; then the leftmost) and the others are kept out, saying why.
 */
function matchColumns(
  definition: LedgerDefinition,
  lookup: Map<string, { field: string; rank: number }>,
  texts: string[][],
  shown: string[],
) {
  const fits = texts.map((candidates) => bestFit(lookup, candidates));
  /** Per field, the column that reads best as it (the first of equals). */
  const winner = new Map<string, { index: number; fit: Fit }>();
  fits.forEach((fit, index) => {
    if (!fit) return;
    const current = winner.get(fit.field);
    if (current === undefined || fit.score < current.fit.score) {
      winner.set(fit.field, { index, fit });
    }
  });
  const label = (field: string) => definition.columns.find((c) => c.field === field)?.label ?? field;
  const columns: ColumnMatch[] = texts.map((_, index) => {
    const match: ColumnMatch = { column: index + 1, header: shown[index] };
    const fit = fits[index];
    if (!fit) {
      return match;
    }
    const { index: won, fit: better } = winner.get(fit.field) ?? { index, fit };
    if (won === index) {
      match.field = fit.field;
      if (fit.why) {
        match.why = `读作“${label(fit.field)}”（${fit.why}）`;
      }
    } else {
      match.duplicateOf = won + 1;
      const reason =
        Math.floor(fit.score / 1000) === 2 && Math.floor(better.score / 1000) < 2
          ? '实际时间优先于计划时间'
          : better.score < fit.score
            ? `“${shown[won]}”更贴切`
            : '取最左边的一列';
      match.why = `与${columnLetter(won + 1)}列“${shown[won]}”都可读作“${label(fit.field)}”，${reason}，本列未导入`;
    }
    return match;
  });
  return { columns, matched: winner.size, evidence: evidenceOf(definition, columns), missing: missingKeys(definition, new Set(winner.keys())) };
}

/**
 * What the user chose for one sheet in the preview; each part left out is detected as usual.
 * - `kind`: the ledger the sheet is, or `null` for 不导入.
 * - `headerRows`: the 1-based header row, or two consecutive rows joined (`[3, 4]`).
 * - `columns`: 1-based column → the field it holds, or `null` for 不导入. Applied to the chosen ledger; a field
 *   given to a column is taken from any other column that had it.
 */
export interface SheetOverride {
  kind?: LedgerKind | null;
  headerRows?: number[];
  columns?: Record<number, string | null>;
  /** Cells corrected in the preview: `row:column` (1-based, as Excel numbers them) → the text typed. */
  cells?: Record<string, string>;
  /** One value for a whole field (民族 = 汉族, 会议类型 = 主题党日), used where the row's cell is empty. */
  defaults?: Record<string, string>;
  /** Columns not read as a field whose text is kept in the record's 备注 as `表头：值`. */
  keepInRemarks?: number[];
}

function layoutOf(sheet: SheetGrid, headerRows: readonly number[]): { texts: string[][]; shown: string[] } {
  const top = sheet.rows[headerRows[0] - 1] ?? [];
  if (headerRows.length < 2) {
    return { texts: top.map((c) => (headerText(c) ? [headerText(c)] : [])), shown: top.map(headerText) };
  }
  const next = sheet.rows[headerRows[1] - 1] ?? [];
  const width = Math.max(top.length, next.length);
  const texts: string[][] = [];
  const shown: string[] = [];
  for (let c = 0; c < width; c += 1) {
    const h1 = headerText(top[c]);
    const h2 = headerText(next[c]);
    // Merged vertically (姓名 over two rows) both rows hold the same text; under a group header (联系方式 / 手机)
    // the joined text, then the lower, then the upper one may be the synonym.
    texts.push(h1 && h2 && h1 !== h2 ? [h1 + h2, h2, h1] : [h2 || h1].filter(Boolean));
    shown.push(h1 && h2 && h1 !== h2 ? `${h1} ${h2}` : h2 || h1);
  }
  return { texts, shown };
}

/** The number of columns of the widest row. */
export function sheetWidth(sheet: SheetGrid): number {
  let width = 0;
  for (const row of sheet.rows) {
    width = Math.max(width, row.length);
  }
  return width;
}

function missingKeys(definition: LedgerDefinition, fields: ReadonlySet<string>): string[] {
  return definition.keyFields
    .filter((group) => !group.some((f) => fields.has(f)))
    .map((group) => group.map((f) => definition.columns.find((c) => c.field === f)?.label ?? f).join('或'));
}

/** The user's column choices over a detected mapping: the chosen column gets the field, any other loses it. */
function applyColumnOverrides(
  definition: LedgerDefinition,
  columns: readonly ColumnMatch[],
  overrides: Record<number, string | null>,
  width: number,
): ColumnMatch[] {
  const known = new Set(definition.columns.map((c) => c.field));
  const result = columns.map((c) => ({ ...c }));
  while (result.length < width) {
    result.push({ column: result.length + 1, header: '' });
  }
  const chosen = new Map<string, number>();
  for (const [key, field] of Object.entries(overrides)) {
    const column = Number(key);
    if (!Number.isInteger(column) || column < 1 || column > result.length) {
      continue;
    }
    const match = result[column - 1];
    delete match.duplicateOf;
    if (field && known.has(field)) {
      match.field = field;
      chosen.set(field, column);
    } else {
      delete match.field;
    }
  }
  for (const match of result) {
    if (match.field && chosen.has(match.field) && chosen.get(match.field) !== match.column) {
      delete match.field;
    }
  }
  // A duplicate whose first column was unmapped by the user now holds the field (the earliest one wins).
  const taken = new Set(result.filter((c) => c.field).map((c) => c.field as string));
  for (const match of result) {
    if (match.duplicateOf && !result[match.duplicateOf - 1]?.field) {
      const original = columns[match.duplicateOf - 1]?.field;
      if (original && !taken.has(original)) {
        match.field = original;
        taken.add(original);
        delete match.duplicateOf;
      }
    }
  }
  return result;
}

/**
 * Finds the header row below titles and unit/date lines, joins a two-row header when that matches more columns,
 * and picks the ledger whose synonyms match most columns among those whose key columns are all present.
 * An override narrows the search to the ledger and header rows the user chose and remaps columns.
 */
export function classifySheet(
  sheet: SheetGrid,
  definitions: readonly LedgerDefinition[],
  override: SheetOverride = {},
): SheetClassification {
  if (override.kind === null) {
    return { headerRows: override.headerRows ?? [], columns: [], reason: '已设为不导入', excluded: true };
  }
  const chosen = override.kind ? definitions.filter((d) => d.kind === override.kind) : definitions;
  const lookups = chosen.map((d) => ({ definition: d, lookup: lookupFor(d) }));
  let best: Candidate | undefined;
  let nearMiss: Candidate | undefined;
  let forced: Candidate | undefined;
  const consider = (candidate: Candidate) => {
    if (candidate.eligible) {
      if (!best || candidate.matched > best.matched) {
        best = candidate;
      }
    } else if (candidate.evidence >= MIN_MATCHED_COLUMNS && (!nearMiss || candidate.matched > nearMiss.matched)) {
      nearMiss = candidate;
    }
    if (!forced || candidate.matched > forced.matched) {
      forced = candidate;
    }
  };
  const layouts = new Map<string, { texts: string[][]; shown: string[] }>();
  const layout = (headerRows: number[]) => {
    const key = headerRows.join(',');
    let found = layouts.get(key);
    if (!found) {
      found = layoutOf(sheet, headerRows);
      layouts.set(key, found);
    }
    return found;
  };
  const starts: number[] = [];
  if (override.headerRows?.length) {
    starts.push(override.headerRows[0]);
  } else {
    for (let r = 1; r <= Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r += 1) {
      starts.push(r);
    }
  }
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (const r of starts) {
    for (const { definition, lookup } of lookups) {
      const eligible = (m: { missing: string[]; matched: number }) => m.missing.length === 0 && m.matched >= MIN_MATCHED_COLUMNS;
      if (override.headerRows?.length) {
        const rows = override.headerRows.length > 1 ? [r, r + 1] : [r];
        const found = matchColumns(definition, lookup, layout(rows).texts, layout(rows).shown);
        consider({ definition, headerRows: rows, ...found, eligible: eligible(found) });
        continue;
      }
      const one = matchColumns(definition, lookup, layout([r]).texts, layout([r]).shown);
      consider({ definition, headerRows: [r], ...one, eligible: eligible(one) });
      if (r < last) {
        // Two rows only when both rows add something: a title or unit line above a header adds nothing.
        const lower = matchColumns(definition, lookup, layout([r + 1]).texts, layout([r + 1]).shown);
        const two = matchColumns(definition, lookup, layout([r, r + 1]).texts, layout([r, r + 1]).shown);
        if (two.matched > one.matched && two.matched > lower.matched) {
          consider({ definition, headerRows: [r, r + 1], ...two, eligible: eligible(two) });
        }
      }
    }
  }
  const userChose = Boolean(override.kind || override.headerRows || override.columns);
  let pick = (best ?? (userChose ? (override.kind ? forced : nearMiss) : undefined));
  if (!pick && override.kind && chosen[0]) {
    // The user said which ledger it is but no header matched: offer row 1 (or theirs) to map by hand.
    const headerRows = override.headerRows?.slice(0, 2) ?? [1];
    const layout = layoutOf(sheet, headerRows);
    pick = {
      definition: chosen[0],
      headerRows,
      columns: layout.shown.map((header, i) => ({ column: i + 1, header })),
      matched: 0,
      evidence: 0,
      eligible: false,
      missing: [],
    };
  }
  if (pick && userChose) {
    const width = Math.max(pick.columns.length, sheetWidth(sheet));
    const columns = override.columns ? applyColumnOverrides(pick.definition, pick.columns, override.columns, width) : pick.columns;
    const missing = missingKeys(pick.definition, new Set(columns.flatMap((c) => (c.field ? [c.field] : []))));
    if (missing.length === 0) {
      return { ledger: pick.definition, headerRows: pick.headerRows, columns };
    }
    return {
      headerRows: pick.headerRows,
      columns,
      mappedAs: pick.definition.kind,
      reason: `按${pick.definition.label}读取时缺少“${missing.join('”“')}”列，未导入。请在下方为这些项选择对应的列，或改选表头行`,
    };
  }
  if (best) {
    return { ledger: best.definition, headerRows: best.headerRows, columns: best.columns };
  }
  const miss = nearMiss;
  if (miss) {
    return {
      headerRows: miss.headerRows,
      columns: miss.columns,
      mappedAs: miss.definition.kind,
      reason: `表头像是${miss.definition.label}，但缺少“${miss.missing.join('”“')}”列，未导入。请检查表头文字`,
    };
  }
  return { headerRows: [], columns: [], reason: '没有找到台账表头（如 姓名、会议类型、谈话时间、存在问题），不是台账，已跳过' };
}
