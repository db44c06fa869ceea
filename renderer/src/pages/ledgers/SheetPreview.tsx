import { Checkbox, Flex, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { countPlan, type PlannedRow } from '@shared/imports';
import { LEDGER_DEFINITIONS, type LedgerIssue, type ParsedSheet } from '@shared/ledgers';
import { countsText, isWritable, rowKey, showValue, type ConflictChoice } from './previewModel';
import { RowAction } from './RowAction';

interface PreviewRow {
  key: string;
  rowNumber: number;
  values: Record<string, unknown>;
  issues: LedgerIssue[];
  planned?: PlannedRow;
  plan?: PlannedRow;
}

function headerTitle(header: string, label: string | undefined): string {
  if (!label || header.replace(/\s+/g, '') === label) {
    return header || label || '';
  }
  return header ? `${header} → ${label}` : label;
}

function IssueLines({ issues }: { issues: LedgerIssue[] }) {
  return (
    <>
      {issues.map((issue, i) => (
        <div
          key={i}
          className={issue.severity === 'error' ? 'import-issue-error' : 'import-issue-warning'}
          style={{ color: issue.severity === 'error' ? '#cf1322' : '#d46b08', fontSize: 12 }}
        >
          {issue.severity === 'error' ? '错误：' : '提示：'}
          {issue.message}
        </div>
      ))}
    </>
  );
}

export interface SheetPreviewProps {
  sheetIndex: number;
  sheet: ParsedSheet;
  /** Plans as computed, aligned with `sheet.rows`. */
  planned: PlannedRow[];
  /** The same with the user's conflict choices applied. */
  plans: PlannedRow[];
  excluded: ReadonlySet<string>;
  choices: ReadonlyMap<string, ConflictChoice>;
  currentBranchId: string;
  branchNames: ReadonlyMap<string, string>;
  onToggle: (key: string, include: boolean) => void;
  onChoose: (key: string, choice: ConflictChoice | undefined) => void;
}

/** One ledger sheet: the rows as read, their issues in the cells, and what importing each would do. */
export function SheetPreview(props: SheetPreviewProps) {
  const { sheetIndex, sheet, planned, plans, excluded, choices, currentBranchId, branchNames, onToggle, onChoose } = props;
  const [onlyIssues, setOnlyIssues] = useState(false);
  const rows: PreviewRow[] = useMemo(
    () =>
      sheet.rows.map((row, i) => ({
        key: rowKey(sheetIndex, row.rowNumber),
        rowNumber: row.rowNumber,
        values: row.values,
        issues: row.issues,
        planned: planned[i],
        plan: plans[i],
      })),
    [sheet.rows, planned, plans, sheetIndex],
  );
  const shown = useMemo(
    () =>
      onlyIssues
        ? rows.filter((r) => r.issues.length > 0 || r.planned?.action === '冲突' || r.plan?.blocked)
        : rows,
    [rows, onlyIssues],
  );
  const counts = useMemo(() => countPlan(plans), [plans]);
  const mapped = sheet.columns.filter((c) => c.field && !c.duplicateOf);
  const labels = useMemo(
    () => new Map((LEDGER_DEFINITIONS.find((d) => d.kind === sheet.ledger)?.columns ?? []).map((c) => [c.field, c.label])),
    [sheet.ledger],
  );

  const columns: ColumnsType<PreviewRow> = [
    { title: '行号', dataIndex: 'rowNumber', width: 64, fixed: 'left' },
    {
      title: '导入',
      key: 'include',
      width: 56,
      fixed: 'left',
      render: (_, row) => {
        const writable = row.plan ? isWritable(row.plan) : false;
        return (
          <Checkbox
            aria-label={`导入第${row.rowNumber}行`}
            checked={writable && !excluded.has(row.key)}
            disabled={!writable}
            onChange={(e) => onToggle(row.key, e.target.checked)}
          />
        );
      },
    },
    {
      title: '操作',
      key: 'action',
      width: 260,
      render: (_, row) =>
        row.plan && row.planned ? (
          <RowAction
            planned={row.planned}
            plan={row.plan}
            choice={choices.get(row.key)}
            currentBranchId={currentBranchId}
            branchNames={branchNames}
            onChoose={(choice) => onChoose(row.key, choice)}
          />
        ) : null,
    },
    ...mapped.map(
      (column): ColumnsType<PreviewRow>[number] => ({
        // The header as written, and the field it is read as when the words differ (身份证号码 → 公民身份号码).
        title: headerTitle(column.header, labels.get(column.field as string)),
        key: `c${column.column}`,
        width: column.field === 'idNumber' ? 190 : ['content', 'problem', 'measures', 'details'].includes(column.field ?? '') ? 240 : 130,
        render: (_, row) => {
          const issues = row.issues.filter((issue) => issue.column === column.column);
          const text = showValue(row.values[column.field as string]);
          return (
            <div>
              <div title={text.length > 60 ? text : undefined}>{text.length > 60 ? `${text.slice(0, 60)}…` : text}</div>
              <IssueLines issues={issues} />
            </div>
          );
        },
      }),
    ),
    {
      title: '其他问题',
      key: 'rowIssues',
      width: 240,
      render: (_, row) => <IssueLines issues={row.issues.filter((issue) => !mapped.some((c) => c.column === issue.column))} />,
    },
  ];
  const width = columns.reduce((total, c) => total + Number(c.width ?? 120), 0);

  return (
    <Flex vertical gap={8}>
      <Flex gap={16} align="center" wrap>
        <Typography.Text>
          识别为：<Typography.Text strong>{sheet.ledgerLabel}</Typography.Text>，表头在第{sheet.headerRows.join('、')}行，共{' '}
          {sheet.rows.length} 行数据
          {sheet.skippedRows.length > 0 ? `（另有 ${sheet.skippedRows.length} 行空行或备注未读取）` : ''}
        </Typography.Text>
      </Flex>
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong data-testid="sheet-counts">
          {countsText(counts)}
        </Typography.Text>
        <Flex gap={6} align="center">
          <Switch size="small" checked={onlyIssues} onChange={setOnlyIssues} aria-label="只看有问题的行" />
          <span>只看有问题的行</span>
        </Flex>
        <Typography.Text type="secondary">显示 {shown.length} 行</Typography.Text>
      </Flex>
      {sheet.issues.length > 0 && <IssueLines issues={sheet.issues} />}
      <Table<PreviewRow>
        size="small"
        virtual
        bordered
        rowKey="key"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: width, y: 420 }}
      />
    </Flex>
  );
}
