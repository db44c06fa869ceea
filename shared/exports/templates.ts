import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../ledgers/normalize';
import { LEDGER_DEFINITION_OF, LEDGER_LABELS } from '../ledgers/definitions';
import type { LedgerDefinition, LedgerKind } from '../ledgers/types';
import type { ColumnGuide } from './columns';
import { addLedgerSheet, FIRST_DATA_ROW, newWorkbook, workbookBytes, WIDTH, type ColumnFormat } from './sheet';

/**
 * Blank templates of the import ledgers (each kind's guide and columns: its spec, shared/kinds templateOf): the importer's
 * headers, ~200 empty bordered rows, dropdowns for every enumeration (lists on a hidden sheet 选项, so the 56 民族 fit: an inline list is limited to 255 characters), date
 * validations, text-formatted ID and phone columns, and a 填表说明 sheet.
 */

export const TEMPLATE_ROWS = 200;

export const OPTIONS_SHEET = '选项';
export const GUIDE_SHEET = '填表说明';




const DATE_HELP: Partial<Record<ColumnFormat, string>> = {
  date: '日期，写成 2025-03-05（或 2025年3月5日）',
  datetime: '日期和时间，写成 2025-03-05 14:30',
  integer: '整数',
  code: '文本格式的号码',
};

function definitionOf(kind: LedgerKind): LedgerDefinition {
  return LEDGER_DEFINITION_OF[kind]; // why: each definition is of its own record type
}

/** A kind's blank template, from its spec (shared/kinds templateOf): the 填表说明 of each column, and which columns. */
export interface LedgerTemplate {
  kind: LedgerKind;
  guide: Readonly<Record<string, ColumnGuide>>;
  /**
   * The columns, when not all of the definition's (党费: the long shape, one member-month a row; the wide 1月…12月
   * columns are for reading sheets kept that way, not for a blank template).
   */
  fields?: readonly string[];
}

export function templateColumns({ kind, fields }: LedgerTemplate): LedgerDefinition['columns'] {
  const columns = definitionOf(kind).columns;
  return fields ? columns.filter((c) => fields.includes(c.field)) : columns;
}

export function guideOf(template: LedgerTemplate, field: string): ColumnGuide {
  return template.guide[field] ?? { meaning: '', example: '' };
}

/** Writes each list in a column of the hidden 选项 sheet; returns the range formula of each list by name. */
function addOptionsSheet(workbook: Workbook, lists: { name: string; values: readonly string[] }[]): Map<string, string> {
  const sheet = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  lists.forEach((list, index) => {
    const column = index + 1;
    // “性别可选值”, not “性别”: the sheet must not look like a ledger header to the importer.
    sheet.getCell(1, column).value = `${list.name}可选值`;
    list.values.forEach((value, i) => {
      sheet.getCell(i + 2, column).value = value;
    });
    sheet.getColumn(column).width = Math.max(10, ...list.values.map((v) => v.length * 2 + 2));
    const letter = columnLetter(column);
    ranges.set(list.name, `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`);
  });
  return ranges;
}

function addGuideSheet(workbook: Workbook, template: LedgerTemplate): Worksheet {
  const { kind } = template;
  const sheet = addLedgerSheet(workbook, {
    name: GUIDE_SHEET,
    title: `${LEDGER_LABELS[kind]}导入模板 填表说明`,
    info: '在第一个工作表第4行起逐行填写，不要修改、删除表头；标 * 的列必须填写；下拉列表的选项在隐藏的“选项”工作表中。',
    columns: [
      { label: '列', width: 20, format: 'text' },
      { label: '必填', width: 6, format: 'text' },
      { label: '填写要求', width: 60, format: 'text' },
      { label: '示例', width: 24, format: 'text' },
    ],
    landscape: false,
  });
  for (const column of templateColumns(template)) {
    const guide = guideOf(template, column.field);
    const requirement = [
      guide.meaning,
      guide.format ? DATE_HELP[guide.format] : undefined,
      guide.list ? `可选：${guide.list.values.length > 12 ? `${guide.list.values.slice(0, 6).join('、')}等，见下拉列表` : guide.list.values.join('、')}` : undefined,
      column.headers.length > 1 ? `其他表格中写作${column.headers.filter((h) => h !== column.label).slice(0, 4).map((h) => `“${h}”`).join('')}的列也能识别` : undefined,
    ]
      .filter(Boolean)
      .join('；');
    sheet.addRow([column.label, guide.required || column.required ? '是' : '否', requirement, guide.example || null]);
  }
  return sheet;
}

/** A blank template of one import ledger, with dropdowns, validations and 填表说明. */
export async function buildTemplateWorkbook(template: LedgerTemplate): Promise<Uint8Array> {
  const { kind } = template;
  const definitionColumns = templateColumns(template);
  const workbook = await newWorkbook();
  const columns = definitionColumns.map((column) => {
    const guide = guideOf(template, column.field);
    return {
      label: guide.required || column.required ? `${column.label}*` : column.label,
      width: guide.width ?? WIDTH.medium,
      format: guide.format ?? ('text' as const),
    };
  });
  const sheet = addLedgerSheet(workbook, {
    name: LEDGER_LABELS[kind].replace(/[“”]/g, ''),
    title: `${LEDGER_LABELS[kind]}（导入模板）`,
    info: '从第4行起填写，标 * 的列必须填写，填写要求见“填表说明”工作表',
    columns,
  });
  const last = FIRST_DATA_ROW + TEMPLATE_ROWS - 1;
  // ExcelJS has range validations but its typings do not declare them.
  const validations = (sheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations;
  for (let r = FIRST_DATA_ROW; r <= last; r += 1) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns.length; c += 1) {
      // Creating the cell gives it the column's style (borders, text or date format).
      row.getCell(c);
    }
  }
  addGuideSheet(workbook, template);
  const lists = definitionColumns.flatMap((c) => {
    const list = guideOf(template, c.field).list;
    return list ? [list] : [];
  });
  const ranges = addOptionsSheet(workbook, lists);
  definitionColumns.forEach((column, index) => {
    const guide = guideOf(template, column.field);
    const letter = columnLetter(index + 1);
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${last}`;
    if (guide.list) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [ranges.get(guide.list.name) as string], // why: addOptionsSheet made a range for every list collected above
        showErrorMessage: true,
        errorStyle: guide.list.strict ? 'stop' : 'warning',
        errorTitle: `${column.label}不在列表中`,
        error: guide.list.strict
          ? `请从下拉列表中选择${column.label}`
          : `“${column.label}”不在常用列表中，确认无误可继续`,
      });
    } else if (guide.format === 'date' || guide.format === 'datetime') {
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: `${column.label}不是日期`,
        error: guide.format === 'date' ? '请填写日期，如 2025-03-05' : '请填写日期和时间，如 2025-03-05 14:30',
      });
    } else if (guide.format === 'integer') {
      validations.add(range, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: `${column.label}不是整数`,
        error: '请填写整数',
      });
    } else if (column.field === 'idNumber') {
      validations.add(range, {
        type: 'textLength',
        operator: 'between',
        allowBlank: true,
        formulae: [15, 18],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '公民身份号码位数不对',
        error: '公民身份号码应为18位（旧号码15位）',
      });
    }
  });
  return workbookBytes(workbook);
}
