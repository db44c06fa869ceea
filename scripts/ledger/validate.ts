/**
 * Validates the rows of an export with the model's zod schemas. A row that does not parse is left out of the
 * check and reported with its file, table, row number and field, in Chinese; nothing here throws.
 */
import { z } from 'zod';
import { LEDGER_KIND_SPEC_LIST, specOf } from '../../shared/kinds';
import { ATTACHMENT_OWNER_TABLES, branchSchema, LEDGER_KINDS, settingRowSchema, type Branch, type LedgerRecords, type SettingRow } from '../../shared/model';
import {
  DEFAULT_RULE_SETTINGS,
  readRuleSettings,
  RULE_SETTINGS_KEY,
  ruleSettingsSchema,
  type RuleSettings,
} from '../../shared/rules';
import { oneOf } from '../../shared/oneOf';
import type { CheckedTable, ExportTables } from './readExport';

/** The keys a stored rule setting may have; others (an older version's) are not checked. */
const RULE_SETTING_KEYS = ruleSettingsSchema.keyof().options;

/** What self-check needs of an attachment row: whose file it is (the bytes stay out of it). */
const attachmentOwnerSchema = z
  .object({ id: z.string(), branchId: z.string(), ownerTable: z.enum(ATTACHMENT_OWNER_TABLES), ownerId: z.string() })
  .transform(({ branchId, ownerTable, ownerId }) => ({ branchId, ownerTable, ownerId }));
type AttachmentOwner = z.output<typeof attachmentOwnerSchema>;

/** A problem with the data: a row left out, a setting replaced by its default, records of no branch. */
export interface DataIssue {
  file: string;
  table: CheckedTable;
  /** 0-based index in the table's rows; absent for an issue about the table as a whole. */
  index?: number;
  /** The record's id, when it has one. */
  id?: string;
  /** Dotted path of the field, e.g. `committee.members.0.role`; absent when the row as a whole is wrong. */
  field?: string;
  message: string;
}

export interface ValidRecords extends LedgerRecords {
  branches: Branch[];
  /** Only which record each file belongs to: a task's files are its 佐证材料. */
  attachments: AttachmentOwner[];
  settings: SettingRow[];
}

export const TABLE_NAMES: Record<CheckedTable, string> = {
  branches: '支部',
  ...(Object.fromEntries(LEDGER_KIND_SPEC_LIST.map((spec) => [spec.kind, spec.labels.table])) as Record<(typeof LEDGER_KINDS)[number], string>), // why: fromEntries loses the keys
  attachments: '附件',
  settings: '设置',
};

const META_LABELS: Record<string, string> = {
  id: '编号',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  branchId: '所属支部',
};

const BRANCH_LABELS: Record<string, string> = {
  name: '支部全称',
  parentOrganisation: '上级党组织',
  category: '党组织类别',
  foundedOn: '成立日期',
  committee: '支部委员会',
  partyGroups: '党小组',
  isDemo: '示例数据标记',
};

const FIELD_LABELS: Record<CheckedTable, Record<string, string>> = {
  branches: { ...META_LABELS, ...BRANCH_LABELS },
  ...(Object.fromEntries(LEDGER_KIND_SPEC_LIST.map((spec) => [spec.kind, { ...META_LABELS, ...spec.labels.fields }])) as Record<(typeof LEDGER_KINDS)[number], Record<string, string>>), // why: as above
  attachments: { ...META_LABELS, ownerTable: '所属台账', ownerId: '所属记录' },
  settings: { key: '设置项', value: '设置值' },
};

/** zod's own messages in Chinese; the model's custom messages (请填写姓名 …) win over these. */
const CHINESE_ERRORS = z.locales.zhCN().localeError;

/** `birthDate（出生日期）`, `committee.members.0.role（支部委员会）`. */
export function fieldName(table: CheckedTable, field: string): string {
  const label = FIELD_LABELS[table][field.split('.')[0]];
  return label ? `${field}（${label}）` : field;
}

/** The record's id (a setting's key). */
function recordId(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) {
    return undefined;
  }
  const id = ('id' in row ? row.id : undefined) ?? ('key' in row ? row.key : undefined);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function validateTable<T>(
  file: string,
  table: CheckedTable,
  rows: unknown[],
  schema: z.ZodType<T>,
  issues: DataIssue[],
): T[] {
  const valid: T[] = [];
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row, { error: CHINESE_ERRORS });
    if (parsed.success) {
      valid.push(parsed.data);
      return;
    }
    const id = recordId(row);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ file, table, index, message: '这一条不是记录（应为 JSON 对象），已跳过' });
      return;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      issues.push({ file, table, index, id, field: field || undefined, message: issue.message });
    }
  });
  return valid;
}

/** The valid records of every checked table, and an issue for each problem found. */
export function validateTables(file: string, exported: ExportTables): { records: ValidRecords; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const { tables } = exported;
  const ledgers = Object.fromEntries(
    LEDGER_KINDS.map((kind) => [kind, validateTable<unknown>(file, kind, tables[kind], specOf(kind).schema, issues)]),
  ) as unknown as LedgerRecords; // why: each table validated with its kind's schema
  const records: ValidRecords = {
    branches: validateTable(file, 'branches', tables.branches, branchSchema, issues),
    ...ledgers,
    attachments: validateTable(file, 'attachments', tables.attachments, attachmentOwnerSchema, issues),
    settings: validateTable(file, 'settings', tables.settings, settingRowSchema, issues),
  };
  return { records, issues };
}

/**
 * The rule settings stored in the export (readRuleSettings: each invalid or missing value falls back to the
 * 条例 default), with an issue for each stored value that was replaced.
 */
export function ruleSettingsOf(file: string, settings: SettingRow[]): { settings: RuleSettings; issues: DataIssue[] } {
  const row = settings.find((setting) => setting.key === RULE_SETTINGS_KEY);
  if (!row) {
    return { settings: DEFAULT_RULE_SETTINGS, issues: [] };
  }
  const stored = row.value;
  const issues: DataIssue[] = [];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    issues.push({ file, table: 'settings', id: RULE_SETTINGS_KEY, field: 'value', message: '规则设置不是对象，已全部按默认值检查' });
  } else {
    for (const [key, value] of Object.entries(stored)) {
      const known = oneOf(RULE_SETTING_KEYS, key);
      if (known && value !== undefined && !ruleSettingsSchema.shape[known].safeParse(value).success) {
        issues.push({ file, table: 'settings', id: RULE_SETTINGS_KEY, field: `value.${key}`, message: '规则设置值无效，已按默认值检查' });
      }
    }
  }
  return { settings: readRuleSettings(stored), issues };
}
