/**
 * Reads a database export for the CLI: the app's full backup (dexie-export-import, `formatName: 'dexie'`) or a
 * plain `{branches, <every ledger kind>, attachments, settings}` object. Returns the raw rows of the tables the rules
 * look at; validating them is validate.ts's job. Every failure is a LedgerFileError with a Chinese message.
 */
import { readFile } from 'node:fs/promises';
import { errorCode, messageOf } from '../../shared/errors';
import { LEDGER_KINDS } from '../../shared/model/kinds';
import { oneOf } from '../../shared/oneOf';

/** The tables self-check reads; other tables of the export (auditLog, importBatches …) are left alone. */
export const CHECKED_TABLES = ['branches', ...LEDGER_KINDS, 'attachments', 'settings'] as const;
export type CheckedTable = (typeof CHECKED_TABLES)[number];

/** Ledger files self-check reads through the import pipeline (selfCheck.ts), not as JSON. */
export const LEDGER_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.csv', '.zip']);

/** The database the app writes (renderer/src/db DATABASE_NAME); scripts may not import renderer code. */
const APP_DATABASE_NAME = 'branch-ledger';

export class LedgerFileError extends Error {
  override name = 'LedgerFileError';
}

export interface ExportTables {
  format: 'dexie' | 'plain';
  /** Rows by table; a table the file does not have is an empty list. */
  tables: Record<CheckedTable, unknown[]>;
  /** Things worth saying that do not stop the check (an unexpected database name …). */
  notes: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function emptyTables(): Record<CheckedTable, unknown[]> {
  return Object.fromEntries(CHECKED_TABLES.map((table) => [table, []])) as unknown as Record<CheckedTable, unknown[]>; // why: fromEntries loses the keys
}

function unescapeKey(part: string): string {
  return part.replace(/~1/g, '.').replace(/~0/g, '~');
}

/**
 * Undoes what dexie-export-import's typeson encoding does to plain records: a property that held `undefined` is
 * written as `0` and listed in `$types` as `undef` (it is removed here); an object that had its own `$types`
 * key is wrapped as `{$: …, $types: true}`. Other special types (Date, Blob …) are left as written: the tables
 * checked here hold none, and the schema check names any that turn up.
 */
export function reviveDexieRow(row: unknown): unknown {
  if (!isObject(row) || !('$types' in row)) {
    return row;
  }
  if (row.$types === true) {
    return row.$;
  }
  const types = row.$types;
  const { $types: _types, ...rest } = row;
  if (!isObject(types)) {
    return rest;
  }
  for (const [keyPath, type] of Object.entries(types)) {
    if (type !== 'undef') {
      continue;
    }
    const parts = keyPath.split('.').map(unescapeKey);
    let holder: unknown = rest;
    for (const part of parts.slice(0, -1)) {
      holder = isObject(holder) || Array.isArray(holder) ? Reflect.get(holder, part) : undefined;
    }
    if (isObject(holder)) {
      delete holder[parts[parts.length - 1]];
    }
  }
  return rest;
}

function fromDexie(json: Record<string, unknown>, file: string): ExportTables {
  if (json.formatVersion !== 1) {
    throw new LedgerFileError(`${file} 是 dexie 导出文件，但格式版本为 ${String(json.formatVersion)}，目前只支持版本 1`);
  }
  const data = json.data;
  if (!isObject(data) || !Array.isArray(data.data)) {
    throw new LedgerFileError(`${file} 是 dexie 导出文件，但缺少 data.data（各表的数据），文件可能不完整`);
  }
  const notes: string[] = [];
  if (typeof data.databaseName === 'string' && data.databaseName !== APP_DATABASE_NAME) {
    notes.push(`${file} 导出的数据库名为“${data.databaseName}”，不是支部台账的数据库（${APP_DATABASE_NAME}），仍按同名的表检查`);
  }
  const tables = emptyTables();
  data.data.forEach((table: unknown, index: number) => {
    if (!isObject(table) || typeof table.tableName !== 'string' || !Array.isArray(table.rows)) {
      throw new LedgerFileError(`${file} 的 data.data[${index}] 不是有效的表数据（应有 tableName 和 rows）`);
    }
    const name = oneOf(CHECKED_TABLES, table.tableName);
    if (!name) {
      return;
    }
    const written: unknown[] = table.rows;
    // Outbound tables (no key path) are exported as [key, value] pairs.
    const rows = table.inbound === false ? written.map((row): unknown => (Array.isArray(row) ? row[1] : row)) : written;
    tables[name].push(...rows.map(reviveDexieRow));
  });
  return { format: 'dexie', tables, notes };
}

function fromPlain(json: Record<string, unknown>, file: string): ExportTables {
  const tables = emptyTables();
  for (const name of CHECKED_TABLES) {
    const rows = json[name];
    if (rows === undefined) {
      continue;
    }
    if (!Array.isArray(rows)) {
      throw new LedgerFileError(`${file} 中的 ${name} 应为数组（每条记录一项）`);
    }
    tables[name] = rows;
  }
  return { format: 'plain', tables, notes: [] };
}

/** The tables of an export given as text; `file` names it in messages. */
export function parseExport(text: string, file: string): ExportTables {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('PK\u0003\u0004')) {
    throw new LedgerFileError(`${file} 是压缩包或 Excel 文件，不是 JSON。Excel 台账请以 .xlsx 为扩展名给出，按导入的方式读取`);
  }
  if (body.trim() === '') {
    throw new LedgerFileError(`${file} 是空文件`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new LedgerFileError(`${file} 不是有效的 JSON 文件（${messageOf(error)}）`, { cause: error });
  }
  if (isObject(json) && json.formatName === 'dexie') {
    return fromDexie(json, file);
  }
  if (isObject(json) && CHECKED_TABLES.some((name) => name in json)) {
    return fromPlain(json, file);
  }
  throw new LedgerFileError(
    `${file} 不是支部台账的数据库导出：应为应用导出的备份（dexie 格式），或包含 branches、members、meetings、talks、settings 的 JSON 对象`,
  );
}

function readFailure(error: unknown, file: string): LedgerFileError {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return new LedgerFileError(`找不到文件：${file}`);
    case 'EISDIR':
      return new LedgerFileError(`${file} 是文件夹，请指定数据库导出的 JSON 文件`);
    case 'EACCES':
    case 'EPERM':
      return new LedgerFileError(`没有权限读取：${file}`);
    default:
      return new LedgerFileError(`无法读取 ${file}（${code ?? messageOf(error)}）`);
  }
}

export async function readExportFile(file: string): Promise<ExportTables> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw readFailure(error, file);
  }
  return parseExport(text, file);
}
