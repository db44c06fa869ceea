import { membersInPeriod, membersTable, MEMBER_TEMPLATE_GUIDE } from '../exports/members';
import { recordWrites } from '../imports/core';
import { membersPlanner } from '../imports/members';
import { membersLedger } from '../ledgers/definitions/members';
import { MEMBER_FIELD_LABELS } from '../model/member';
import { rulesNamed, tabular, type LedgerKindSpec } from './types';
import { LEDGER_RECORDS } from '../model/kinds';

export const membersSpec: LedgerKindSpec<'members'> = {
  kind: 'members',
  schema: LEDGER_RECORDS.members.schema,
  labels: { ledger: membersLedger.label, record: LEDGER_RECORDS.members.label, counted: '名党员', table: LEDGER_RECORDS.members.table, fields: MEMBER_FIELD_LABELS },
  import: {
    definition: membersLedger,
    planner: membersPlanner,
    required: [
      ['name', '姓名', (v) => typeof v === 'string' && v.trim().length > 0],
      ['joinedOn', '入党时间', (v) => typeof v === 'string' && /^\d{4}-\d{2}/.test(v)],
    ],
    write: recordWrites,
    recordName: (m) => m.name,
    rowName: (row) => `党员 ${row.after?.name ?? ''}`,
    template: { guide: MEMBER_TEMPLATE_GUIDE },
    acrossBranches: true,
  },
  export: {
    file: '01_党员花名册.xlsx',
    title: '党员花名册',
    sheetName: '党员花名册',
    tabular: (data, options) => tabular(membersInPeriod(data, options), membersTable(data, options)),
  },
  packageCounts: [{ key: 'members', label: '党员', unit: '人', count: (data, options) => membersInPeriod(data, options).length }],
  rules: rulesNamed('roster.', 'probation.'),
  demo: (dataset) => dataset.members,
};
