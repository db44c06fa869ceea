import type { LedgerKind } from '../model/kinds';

/** Shapes shared by the readers, the classifier and the ledger definitions. */

/** A calendar date (and maybe a wall-clock time) as a cell held it: no time zone, no instant. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** One cell after reading, before any ledger knows what it means. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number; numFmt?: string }
  | { kind: 'boolean'; boolean: boolean }
  | { kind: 'date'; date: DateParts }
  | { kind: 'error'; message: string };

export const EMPTY: CellValue = { kind: 'empty' };

/** A sheet as a plain grid; `rows[0]` is row 1 of the sheet (or line 1 of a CSV). */
export interface SheetGrid {
  name: string;
  rows: CellValue[][];
  /** Merged ranges, 0-based and inclusive; their cells already hold the master value. */
  merges: CellRange[];
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookGrid {
  /** 'xlsx' or 'csv' (with the encoding the CSV was decoded from). */
  format: 'xlsx' | 'csv';
  encoding?: string;
  sheets: SheetGrid[];
}

export type Severity = 'error' | 'warning';

/** Where a problem is, for the message and for the preview to highlight it. */
export interface IssueLocation {
  file: string;
  sheet?: string;
  /** 1-based row number as Excel shows it. */
  row?: number;
  /** 1-based column number; `columnLetter` is the Excel letter. */
  column?: number;
  columnLetter?: string;
  header?: string;
}

export interface LedgerIssue extends IssueLocation {
  severity: Severity;
  /** The problem alone, e.g. `待核对：公民身份号码未通过校验…`. */
  message: string;
  /** The problem with its place, e.g. `党员花名册.xlsx › 花名册 › 第7行 › 公民身份号码：…`. */
  text: string;
}

export { LEDGER_KINDS, type LedgerKind } from '../model/kinds';

/** What a column parser returns for one cell. `value` undefined means empty. */
export type ParseResult<T> =
  | { ok: true; value: T | undefined; warning?: string }
  | {
      ok: false;
      message: string;
      /** The row cannot become a record whatever its column (a 历史党员 in a roster of members): always an error. */
      refuse?: boolean;
    };

export type CellParser<T = unknown> = (cell: CellValue) => ParseResult<T>;

export interface ColumnDefinition<F extends string = string> {
  field: F;
  /** The label shown in messages and the preview. */
  label: string;
  /** Headers that mean this column, compared after normalizeHeader (exact match, no edit distance). */
  headers: readonly string[];
  parse: CellParser;
  required?: boolean;
  /** No two rows of a sheet may share a value (公民身份号码). */
  unique?: boolean;
  /** Read for checking only, never stored, with the reason said once per sheet (党内职务: the committee decides). */
  notKept?: string;
  /**
   * How the import preview shows the parsed value, and the text an edit of the cell starts from (money in 元, not the
   * 分 it is kept in); undefined: the preview's own way.
   */
  show?: (value: unknown) => string | undefined;
}

export interface LedgerDefinition<F extends string = string, R = unknown> {
  kind: LedgerKind;
  label: string;
  columns: readonly ColumnDefinition<F>[];
  /** A sheet is this ledger only if, for every group, one of its fields has a column. */
  keyFields: readonly (readonly F[])[];
  /**
   * The fields that identify a record (姓名; 会议时间; 谈话时间 and the people; 存在问题 …): a cell of one of them that
   * cannot be read is an error and the row is refused. Any other cell that cannot be read is a warning and the
   * field is left empty: the record comes in and is flagged.
   */
  identity: readonly F[];
  /** Where columns the user keeps “in 备注” go, as `表头：值` lines. */
  remarksField: F;
  /** Fields a record should have that the sheet has no column for (roster: 资料不全), said once per sheet. */
  sheetGaps?: (fieldsInSheet: ReadonlySet<string>) => string[];
  /** Builds the record from parsed values; returns issues keyed by field. */
  toRecord?: (values: Partial<Record<F, unknown>>, context: RecordContext) => RecordResult<R, F>;
}

export interface RecordContext {
  /** Today, `YYYY-MM-DD`, for "not in the future" checks. */
  today: string;
  /**
   * Fields the sheet has a column (or a default) for. A field missing from the whole sheet is said once for the
   * sheet, not on every row.
   */
  fieldsInSheet?: ReadonlySet<string>;
  /**
   * The one year the rows above the header name (`2025年度民主评议党员结果登记表`, `2025年党费收缴明细表`): the year
   * of rows that write only a month, or none.
   */
  titleYear?: number;
}

export interface RecordResult<R, F extends string = string> {
  record?: R;
  issues: { field?: F; severity: Severity; message: string }[];
}
