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
  | { column: number; field: string }
  /** A cell corrected in the preview (1-based row and column as Excel numbers them). */
  | { cell: { row: number; column: number; text: string } }
  /** One value for a field over the whole sheet; `undefined` removes it. */
  | { defaultField: string; value: string | undefined }
  /** The columns whose text is kept in 备注 (all of 未导入的列, or none). */
  | { keepInRemarks: number[] };

/**
 * The sheet's override after one change in the preview.
 * - Another ledger: its own fields, so earlier column choices are dropped; a chosen header row stays.
 * - Another header row: the ledger stays as chosen (or is detected again); column choices stay (same columns).
 * - A column: pins the ledger and header rows as now shown, so the rest of the mapping does not move.
 * - A cell, a default, columns kept in 备注: added to what is there; the rest stays as detected or chosen.
 */
export function nextOverride(previous: SheetOverride | undefined, sheet: ParsedSheet, change: OverrideChange): SheetOverride {
  const prev = previous ?? {};
  if ('cell' in change) {
    const { row, column, text } = change.cell;
    return { ...prev, cells: { ...prev.cells, [`${row}:${column}`]: text } };
  }
  if ('defaultField' in change) {
    const defaults = { ...prev.defaults };
    if (change.value?.trim()) {
      defaults[change.defaultField] = change.value.trim();
    } else {
      delete defaults[change.defaultField];
    }
    return { ...prev, defaults };
  }
  if ('keepInRemarks' in change) {
    return { ...prev, keepInRemarks: change.keepInRemarks };
  }
  if ('kind' in change) {
    if (change.kind === NOT_IMPORTED) {
      return { kind: null };
    }
    const kind = change.kind as LedgerKind; // the 台账类型 Select offers only ledger kinds besides 不导入
    const same = kind === (sheet.ledger ?? sheet.mappedAs);
    // Corrected cells stay (they are the file's, whatever ledger it is); defaults and 备注 are the ledger's fields.
    return {
      kind,
      ...(prev.headerRows ? { headerRows: prev.headerRows } : {}),
      ...(same && prev.columns ? { columns: prev.columns } : {}),
      ...(prev.cells ? { cells: prev.cells } : {}),
      ...(same && prev.defaults ? { defaults: prev.defaults } : {}),
      ...(same && prev.keepInRemarks ? { keepInRemarks: prev.keepInRemarks } : {}),
    };
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
