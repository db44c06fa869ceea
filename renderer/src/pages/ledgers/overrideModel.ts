import { columnLetter, type LedgerKind, type ParsedSheet, type SheetOverride } from '@shared/ledgers';

/** The Select value of 不导入 (a ledger kind or a field is never this). */
export const NOT_IMPORTED = '__none__';

export const columnLetterOf = columnLetter;

/** The 台账类型 shown for a sheet: its ledger, the ledger its columns were mapped to, 不导入, or none. */
export function sheetKindValue(sheet: ParsedSheet): LedgerKind | typeof NOT_IMPORTED | undefined {
  if (sheet.excluded) {
    return NOT_IMPORTED;
  }
  return sheet.ledger ?? sheet.mappedAs;
}

export type OverrideChange =
  | { kind: string }
  | { headerRow: number | undefined; twoRows: boolean }
  | { column: number; field: string };

/**
 * The sheet's override after one change in the preview.
 * - Another ledger: its own fields, so earlier column choices are dropped; a chosen header row stays.
 * - Another header row: the ledger stays as chosen (or is detected again); column choices stay (same columns).
 * - A column: pins the ledger and header rows as now shown, so the rest of the mapping does not move.
 */
export function nextOverride(previous: SheetOverride | undefined, sheet: ParsedSheet, change: OverrideChange): SheetOverride {
  const prev = previous ?? {};
  if ('kind' in change) {
    if (change.kind === NOT_IMPORTED) {
      return { kind: null };
    }
    const kind = change.kind as LedgerKind;
    const same = kind === (sheet.ledger ?? sheet.mappedAs);
    return { kind, ...(prev.headerRows ? { headerRows: prev.headerRows } : {}), ...(same && prev.columns ? { columns: prev.columns } : {}) };
  }
  if ('headerRow' in change) {
    if (change.headerRow === undefined) {
      return prev;
    }
    const headerRows = change.twoRows ? [change.headerRow, change.headerRow + 1] : [change.headerRow];
    return { ...prev, kind: prev.kind ?? undefined, headerRows };
  }
  const kind = prev.kind ?? sheet.ledger ?? sheet.mappedAs;
  return {
    ...prev,
    ...(kind ? { kind } : {}),
    headerRows: prev.headerRows ?? sheet.headerRows,
    columns: { ...prev.columns, [change.column]: change.field === NOT_IMPORTED ? null : change.field },
  };
}
