import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../ledgers/normalize';
import { LEDGER_DEFINITION_OF, LEDGER_LABELS } from '../ledgers/definitions';
import type { LedgerDefinition, LedgerKind } from '../ledgers/types';
import { IDEOLOGICAL_STATES, WORK_PERFORMANCE_SUGGESTIONS } from '../model/analysis';
import { EDUCATION_LEVELS, ETHNICITIES, GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_POSTS } from '../model/enums';
import { MEETING_TYPES } from '../model/meeting';
import { RECTIFICATION_CATEGORIES, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '../model/rectification';
import { TALK_FORMS, TALK_KINDS } from '../model/talk';
import type { ColumnGuide } from './columns';
import { DUES_TEMPLATE_FIELDS, DUES_TEMPLATE_GUIDE } from './dues';
import { REVIEW_TEMPLATE_GUIDE } from './reviews';
import { TRAINING_TEMPLATE_GUIDE } from './training';
import { addLedgerSheet, FIRST_DATA_ROW, newWorkbook, workbookBytes, WIDTH, type ColumnFormat } from './sheet';

/**
 * Blank templates of the import ledgers (file names: the kinds' specs, shared/kinds TEMPLATE_FILES): the importer's
 * headers, ~200 empty bordered rows, dropdowns for every enumeration (lists on a hidden sheet 选项, so the 56 民族 fit: an inline list is limited to 255 characters), date
 * validations, text-formatted ID and phone columns, and a 填表说明 sheet.
 */

export const TEMPLATE_ROWS = 200;

export const OPTIONS_SHEET = '选项';
export const GUIDE_SHEET = '填表说明';


const strict = (name: string, values: readonly string[]) => ({ name, values, strict: true });
const loose = (name: string, values: readonly string[]) => ({ name, values, strict: false });

const GUIDES: Record<LedgerKind, Record<string, ColumnGuide>> = {
  members: {
    name: { required: true, width: WIDTH.name, meaning: '党员姓名', example: '张三' },
    gender: { list: strict('性别', GENDERS), width: 6, meaning: '男或女；填了公民身份号码可不填，按号码推出', example: '男' },
    ethnicity: { required: true, list: strict('民族', ETHNICITIES), width: WIDTH.short, meaning: '民族全称，从下拉列表选择', example: '汉族' },
    birthDate: { format: 'date', width: WIDTH.date, meaning: '出生日期；填了公民身份号码可不填', example: '1985-06-12' },
    idNumber: { format: 'code', width: WIDTH.code, meaning: '18位公民身份号码，本列已设为文本格式，请勿改成数字', example: '320102198506120018' },
    education: { list: strict('学历', EDUCATION_LEVELS), width: WIDTH.enumeration, meaning: '最高学历', example: '大学本科' },
    joinedOn: { required: true, format: 'date', width: WIDTH.date, meaning: '入党时间（支部大会接收为预备党员的日期）', example: '2010-07-01' },
    confirmedOn: { format: 'date', width: WIDTH.date, meaning: '转正时间；预备党员不填', example: '2011-07-01' },
    category: { required: true, list: strict('党员类别', MEMBER_CATEGORIES), width: WIDTH.enumeration, meaning: '正式党员或预备党员', example: '正式党员' },
    status: { list: strict('党员状态', MEMBER_STATUSES), width: WIDTH.short, meaning: '不填为“正常”；已转出、停止党籍等不在册的党员不要填入本表', example: '正常' },
    partyGroupName: { width: WIDTH.enumeration, meaning: '所在党小组名称，与系统中的党小组名称一致；没有可不填', example: '第一党小组' },
    partyPost: { list: strict('党内职务', PARTY_POSTS), width: WIDTH.enumeration, meaning: '仅供核对：党内职务以“设置 → 支部信息”中的支委会和党小组长为准，本列不导入', example: '组织委员' },
    jobTitle: { width: WIDTH.medium, meaning: '工作岗位或行政职务', example: '办公室主任' },
    phone: { format: 'code', width: 14, meaning: '手机或座机号码，本列为文本格式', example: '13812345678' },
    remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
    branchName: { width: WIDTH.medium, meaning: '一次导入多个支部时填写所在党支部全称；只有一个支部可不填', example: '' },
  },
  meetings: {
    type: { required: true, list: loose('会议类型', MEETING_TYPES), width: WIDTH.enumeration, meaning: '从下拉列表选择；设置中新增的类型可直接填写', example: '支部党员大会' },
    title: { width: 24, meaning: '会议名称；不填时按会议类型、日期和第一项议题生成', example: '2025年3月支部党员大会' },
    startAt: { required: true, format: 'datetime', width: WIDTH.datetime, meaning: '会议开始的日期和时间', example: '2025-03-05 14:30' },
    location: { width: WIDTH.medium, meaning: '会议地点', example: '三楼会议室' },
    host: { width: WIDTH.name, meaning: '主持人姓名', example: '张三' },
    recorder: { width: WIDTH.name, meaning: '记录人姓名', example: '李四' },
    expected: { format: 'integer', width: 8, meaning: '应到会人数（整数）', example: '25' },
    present: { format: 'integer', width: 8, meaning: '实到会人数（整数）', example: '23' },
    absentees: { width: WIDTH.medium, meaning: '缺席、请假人员姓名及原因，多人用顿号分隔', example: '王五（请假：出差）' },
    attendees: { width: WIDTH.medium, meaning: '列席人员', example: '入党积极分子赵六' },
    partyGroup: { width: WIDTH.enumeration, meaning: '党小组会填写党小组名称，与系统中的名称一致', example: '第一党小组' },
    topic: { width: 24, meaning: '会议议题，多项议题分行填写', example: '学习贯彻党的二十届三中全会精神' },
    content: { width: WIDTH.long, meaning: '会议内容摘要', example: '' },
    resolution: { width: 24, meaning: '会议形成的决议', example: '' },
  },
  talks: {
    date: { required: true, format: 'date', width: WIDTH.date, meaning: '谈话日期', example: '2025-03-05' },
    location: { width: WIDTH.medium, meaning: '谈话地点', example: '书记办公室' },
    talker: { required: true, width: WIDTH.name, meaning: '谈话人姓名', example: '张三' },
    talkees: { required: true, width: WIDTH.medium, meaning: '谈话对象姓名；集中谈话多人用顿号分隔', example: '李四' },
    kind: { list: strict('谈话类型', TALK_KINDS), width: WIDTH.enumeration, meaning: '从下拉列表选择；不填为“交流谈话”', example: '交流谈话' },
    form: { list: strict('谈话形式', TALK_FORMS), width: 8, meaning: '个别或集中；不填为“个别”', example: '个别' },
    content: { width: WIDTH.long, meaning: '谈话主要内容', example: '' },
    issues: { width: 28, meaning: '谈话对象反映的问题及思想动态', example: '' },
    followUp: { width: 24, meaning: '后续措施', example: '' },
    recorder: { width: WIDTH.name, meaning: '记录人姓名', example: '' },
    remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
  },
  analyses: {
    name: { required: true, width: WIDTH.name, meaning: '党员姓名', example: '张三' },
    period: { required: true, width: 18, meaning: '分析时段，写成“2025年第一季度”“2025年上半年”“2025年度”', example: '2025年第一季度' },
    state: { required: true, list: loose('思想状况', IDEOLOGICAL_STATES), width: WIDTH.short, meaning: '从下拉列表选择；设置中改过的名称可直接填写', example: '稳定' },
    work: { list: loose('工作表现', WORK_PERFORMANCE_SUGGESTIONS), width: WIDTH.short, meaning: '工作表现', example: '良好' },
    details: { width: 30, meaning: '具体表现', example: '' },
    problems: { width: 26, meaning: '存在问题', example: '' },
    help: { width: 26, meaning: '帮扶措施', example: '' },
    talker: { width: WIDTH.name, meaning: '与该党员谈话的人', example: '张三' },
    remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
  },
  rectifications: {
    source: { required: true, list: strict('问题来源', RECTIFICATION_SOURCES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '组织生活会' },
    category: { required: true, list: strict('问题类别', RECTIFICATION_CATEGORIES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '作风建设' },
    problem: { required: true, width: 30, meaning: '存在的问题', example: '理论学习不够深入系统' },
    goal: { width: 20, meaning: '整改目标', example: '' },
    measures: { width: 30, meaning: '整改措施', example: '制定年度学习计划，每月集中学习1次' },
    leader: { width: WIDTH.name, meaning: '责任领导姓名', example: '' },
    owner: { width: WIDTH.name, meaning: '责任人姓名，多人用顿号分隔', example: '张三' },
    deadline: { format: 'date', width: WIDTH.date, meaning: '整改完成时限', example: '2025-06-30' },
    progress: { width: 30, meaning: '整改进展', example: '' },
    outcome: { width: 24, meaning: '完成情况', example: '' },
    closed: { list: strict('是否销号', ['是', '否']), width: 8, meaning: '是或否', example: '否' },
    closedOn: { format: 'date', width: WIDTH.date, meaning: '销号日期，已销号的填写', example: '' },
    status: { list: strict('状态', RECTIFICATION_STATUSES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '整改中' },
    reviewer: { width: WIDTH.name, meaning: '销号审核人', example: '' },
    remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
  },
  reviews: REVIEW_TEMPLATE_GUIDE,
  dues: DUES_TEMPLATE_GUIDE,
  training: TRAINING_TEMPLATE_GUIDE,
};

const DATE_HELP: Partial<Record<ColumnFormat, string>> = {
  date: '日期，写成 2025-03-05（或 2025年3月5日）',
  datetime: '日期和时间，写成 2025-03-05 14:30',
  integer: '整数',
  code: '文本格式的号码',
};

function definitionOf(kind: LedgerKind): LedgerDefinition {
  return LEDGER_DEFINITION_OF[kind]; // why: each definition is of its own record type
}

/**
 * The columns of a kind's template: its definition's, or those it names (党费: the long shape, one member-month a
 * row; the wide 1月…12月 columns are for reading sheets kept that way, not for a blank template).
 */
const TEMPLATE_FIELDS: Partial<Record<LedgerKind, readonly string[]>> = { dues: DUES_TEMPLATE_FIELDS };

export function templateColumns(kind: LedgerKind): LedgerDefinition['columns'] {
  const fields = TEMPLATE_FIELDS[kind];
  const columns = definitionOf(kind).columns;
  return fields ? columns.filter((c) => fields.includes(c.field)) : columns;
}

export function guideOf(kind: LedgerKind, field: string): ColumnGuide {
  return GUIDES[kind][field] ?? { meaning: '', example: '' };
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

function addGuideSheet(workbook: Workbook, kind: LedgerKind): Worksheet {
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
  for (const column of templateColumns(kind)) {
    const guide = guideOf(kind, column.field);
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
export async function buildTemplateWorkbook(kind: LedgerKind): Promise<Uint8Array> {
  const definitionColumns = templateColumns(kind);
  const workbook = await newWorkbook();
  const columns = definitionColumns.map((column) => {
    const guide = guideOf(kind, column.field);
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
  addGuideSheet(workbook, kind);
  const lists = definitionColumns.flatMap((c) => {
    const list = guideOf(kind, c.field).list;
    return list ? [list] : [];
  });
  const ranges = addOptionsSheet(workbook, lists);
  definitionColumns.forEach((column, index) => {
    const guide = guideOf(kind, column.field);
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
