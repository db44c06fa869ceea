import type { LedgerDefinition } from '../ledgers/types';
import type { CellInput, ColumnFormat, SheetColumn } from './sheet';

/**
 * An exported column is a column of the ledger's IMPORT definition: its header is the definition's label, so the
 * exported file reads back through the same classifier. A module lists the fields it fills and how.
 */
export interface FieldColumn<T> {
  field: string;
  width: number;
  format: ColumnFormat;
  value: (record: T) => CellInput;
}

export interface ExportTable<T> {
  columns: (SheetColumn & { field: string })[];
  row: (record: T) => CellInput[];
}

export function tableFromDefinition<T>(definition: LedgerDefinition, fields: readonly FieldColumn<T>[]): ExportTable<T> {
  const columns = fields.map((f) => {
    const column = definition.columns.find((c) => c.field === f.field);
    if (!column) {
      throw new Error(`导入定义“${definition.label}”中没有字段 ${f.field}`);
    }
    return { field: f.field, label: column.label, width: f.width, format: f.format };
  });
  return { columns, row: (record) => fields.map((f) => f.value(record)) };
}

/** Names joined the way ledgers write them: 张三、李四. */
export function joinNames(names: readonly string[]): string | undefined {
  return names.length > 0 ? names.join('、') : undefined;
}

/** id → name; an id no longer known shows as 未知党员 (the record still says someone was there). */
export function nameResolver(members: readonly { id: string; name: string }[]): (id: string | undefined) => string | undefined {
  const names = new Map(members.map((m) => [m.id, m.name]));
  return (id) => (id ? (names.get(id) ?? '未知党员') : undefined);
}

/** What a blank template's column needs (its 填表说明 line, dropdown, width and format). */
/** A guide's dropdown: `strictList` refuses other values, `looseList` only warns. */
export const strictList = (name: string, values: readonly string[]) => ({ name, values, strict: true });
export const looseList = (name: string, values: readonly string[]) => ({ name, values, strict: false });

export interface ColumnGuide {
  format?: ColumnFormat;
  width?: number;
  required?: boolean;
  /** A dropdown: `strict` refuses other values, otherwise Excel only warns (lists the user can extend in 设置). */
  list?: { name: string; values: readonly string[]; strict: boolean };
  meaning: string;
  example: string;
}
