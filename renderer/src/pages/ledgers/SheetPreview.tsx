import { Checkbox, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ImportAction, PlannedMemberRow } from '@shared/imports';
import { formatDate } from '@shared/dates';
import type { LedgerIssue, ParsedSheet } from '@shared/ledgers';
import { isWritable, rowKey } from './previewModel';

const ACTION_COLORS: Record<ImportAction, string> = { 新增: 'green', 更新: 'blue', 跳过: 'default', 冲突: 'red' };

interface PreviewRow {
  key: string;
  rowNumber: number;
  values: Record<string, unknown>;
  issues: LedgerIssue[];
  plan?: PlannedMemberRow;
}

function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
    return formatDate(value);
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
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

function ActionTag({ plan }: { plan: PlannedMemberRow }) {
  if (plan.blocked) {
    return <Tag color="red">有错误</Tag>;
  }
  const tag = <Tag color={ACTION_COLORS[plan.action]}>{plan.action}</Tag>;
  const lines = [
    ...(plan.changes ?? []).map((c) => `${c.label}：${showValue(c.before) || '（空）'} → ${showValue(c.after) || '（空）'}`),
    ...(plan.reason ? [plan.reason] : []),
  ];
  if (lines.length === 0) {
    return tag;
  }
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <span data-testid="import-action">{tag}</span>
    </Tooltip>
  );
}

export interface SheetPreviewProps {
  sheetIndex: number;
  sheet: ParsedSheet;
  plans: PlannedMemberRow[];
  excluded: ReadonlySet<string>;
  onToggle: (key: string, include: boolean) => void;
}

/** One roster sheet: the rows as read, their issues in the cells, and what importing each would do. */
export function SheetPreview({ sheetIndex, sheet, plans, excluded, onToggle }: SheetPreviewProps) {
  const [onlyIssues, setOnlyIssues] = useState(false);
  const rows: PreviewRow[] = useMemo(
    () =>
      sheet.rows.map((row, i) => ({
        key: rowKey(sheetIndex, row.rowNumber),
        rowNumber: row.rowNumber,
        values: row.values,
        issues: row.issues,
        plan: plans[i],
      })),
    [sheet.rows, plans, sheetIndex],
  );
  const shown = useMemo(
    () => (onlyIssues ? rows.filter((r) => r.issues.length > 0 || r.plan?.action === '冲突') : rows),
    [rows, onlyIssues],
  );
  const mapped = sheet.columns.filter((c) => c.field && !c.duplicateOf);

  const columns: ColumnsType<PreviewRow> = [
    { title: '行号', dataIndex: 'rowNumber', width: 64, fixed: 'left' },
    {
      title: '导入',
      key: 'include',
      width: 64,
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
    { title: '操作', key: 'action', width: 90, fixed: 'left', render: (_, row) => (row.plan ? <ActionTag plan={row.plan} /> : null) },
    ...mapped.map(
      (column): ColumnsType<PreviewRow>[number] => ({
        title: column.header,
        key: `c${column.column}`,
        width: column.field === 'idNumber' ? 190 : column.field === 'name' ? 120 : 130,
        render: (_, row) => {
          const issues = row.issues.filter((issue) => issue.column === column.column);
          return (
            <div>
              <div>{showValue(row.values[column.field as string])}</div>
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
