import { EditOutlined } from '@ant-design/icons';
import { Checkbox, Flex, Input, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId, useMemo, useState } from 'react';
import { countPlan, type PlannedRow } from '@shared/imports';
import { specOf } from '@shared/kinds';
import { LEDGER_DEFINITIONS, type LedgerIssue, type ParsedSheet } from '@shared/ledgers';
import type { AnalysisSettings } from '@shared/model';
import { MASKED_NAME } from '../analyses/useReveal';
import { countsText, isMaskedCell, isWritable, rowKey, showValue, type ConflictChoice } from './previewModel';
import { RowAction } from './RowAction';

interface PreviewRow {
  key: string;
  rowNumber: number;
  values: Record<string, unknown>;
  issues: LedgerIssue[];
  planned?: PlannedRow;
  plan?: PlannedRow;
  /** Which record of its row this line is, when the row holds several (`党费记录 2026年3月`). */
  partLabel?: string;
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
  /** Plans as computed, in the order of `sheet.rows` (one per row, or one per record a row holds). */
  planned: PlannedRow[];
  /** The same with the user's conflict choices applied. */
  plans: PlannedRow[];
  excluded: ReadonlySet<string>;
  choices: ReadonlyMap<string, ConflictChoice>;
  currentBranchId: string;
  branchNames: ReadonlyMap<string, string>;
  onToggle: (key: string, include: boolean) => void;
  onChoose: (key: string, choice: ConflictChoice | undefined) => void;
  /** A cell corrected by the user: the file is read again with it. */
  onEditCell: (row: number, column: number, text: string) => void;
  /** 思想状况 settings: which states are sensitive (their rows' text is hidden). */
  analysisSettings?: Pick<AnalysisSettings, 'states'>;
  disabled?: boolean;
}

const EDIT_BUTTON = { border: 'none', background: 'none', padding: '0 2px', cursor: 'pointer', color: 'rgba(0, 0, 0, 0.45)' } as const;

/** A cell's value with a way to correct it in place (Enter or leaving the field applies it). */
function EditableValue(props: { text: string; label: string; disabled?: boolean; onSave: (text: string) => void }) {
  const { text, label, disabled, onSave } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  if (editing) {
    const save = () => {
      setEditing(false);
      if (draft !== text) {
        onSave(draft);
      }
    };
    return (
      <Input
        size="small"
        autoFocus
        aria-label={label}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={save}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(false);
        }}
      />
    );
  }
  return (
    <Flex gap={4} align="start">
      <span style={{ flex: 1 }} title={text.length > 60 ? text : undefined}>
        {text.length > 60 ? `${text.slice(0, 60)}…` : text}
      </span>
      {/* A plain button: one per cell of the preview, an antd Button each cost a visible part of its first render. */}
      <button
        type="button"
        style={EDIT_BUTTON}
        aria-label={label}
        title="修改"
        disabled={disabled}
        onClick={() => {
          setDraft(text);
          setEditing(true);
        }}
      >
        <EditOutlined />
      </button>
    </Flex>
  );
}

/** One ledger sheet: the rows as read, their issues in the cells, and what importing each would do. */
export function SheetPreview(props: SheetPreviewProps) {
  const { sheetIndex, sheet, planned, plans, excluded, choices, currentBranchId, branchNames, onToggle, onChoose, onEditCell } = props;
  const [onlyIssues, setOnlyIssues] = useState(false);
  const switchId = useId();
  const rows: PreviewRow[] = useMemo(() => {
    // Plans in sheet order; a row holding several records (a 党费 row of twelve months) has one line per plan.
    const byRow = new Map<number, number[]>();
    plans.forEach((plan, i) => byRow.set(plan.rowNumber, [...(byRow.get(plan.rowNumber) ?? []), i]));
    return sheet.rows.flatMap((row) => {
      const line = { rowNumber: row.rowNumber, values: row.values, issues: row.issues };
      const indexes = byRow.get(row.rowNumber) ?? [];
      if (indexes.length === 0) return [{ ...line, key: rowKey(sheetIndex, row.rowNumber) }];
      return indexes.map((i) => ({
        ...line,
        key: rowKey(sheetIndex, row.rowNumber, plans[i].part),
        planned: planned[i],
        plan: plans[i],
        ...(indexes.length > 1 ? { partLabel: specOf(plans[i].kind).import.rowName(plans[i]) } : {}),
      }));
    });
  }, [sheet.rows, planned, plans, sheetIndex]);
  const shown = useMemo(
    () =>
      onlyIssues
        ? rows.filter((r) => r.issues.length > 0 || r.planned?.action === '冲突' || r.plan?.blocked)
        : rows,
    [rows, onlyIssues],
  );
  const counts = useMemo(() => countPlan(plans), [plans]);
  const mapped = sheet.columns.filter((c) => c.field && !c.duplicateOf);
  const definitionColumns = useMemo(() => LEDGER_DEFINITIONS.find((d) => d.kind === sheet.ledger)?.columns ?? [], [sheet.ledger]);
  const labels = useMemo(() => new Map(definitionColumns.map((c) => [c.field, c.label])), [definitionColumns]);
  const shows = useMemo(() => new Map(definitionColumns.map((c) => [c.field, c.show])), [definitionColumns]);

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
          <Flex vertical gap={2}>
            {row.partLabel && <Typography.Text strong>{row.partLabel}</Typography.Text>}
            <RowAction
              planned={row.planned}
              plan={row.plan}
              choice={choices.get(row.key)}
              currentBranchId={currentBranchId}
              branchNames={branchNames}
              onChoose={(choice) => onChoose(row.key, choice)}
            />
          </Flex>
        ) : null,
    },
    ...mapped.map(
      (column): ColumnsType<PreviewRow>[number] => ({
        // The header as written, and the field it is read as when the words differ (身份证号码 → 公民身份号码).
        title: headerTitle(column.header, labels.get(column.field ?? '')),
        key: `c${column.column}`,
        width: column.field === 'idNumber' ? 190 : ['content', 'problem', 'measures', 'details'].includes(column.field ?? '') ? 240 : 130,
        render: (_, row) => {
          const issues = row.issues.filter((issue) => issue.column === column.column);
          const field = column.field ?? '';
          if (isMaskedCell(sheet.ledger, field, row.values, props.analysisSettings)) {
            return <Typography.Text type="secondary">{MASKED_NAME}</Typography.Text>;
          }
          const text = shows.get(field)?.(row.values[field]) ?? showValue(row.values[field]);
          return (
            <div>
              <EditableValue
                text={text}
                label={`修改第${row.rowNumber}行“${labels.get(field) ?? column.header}”`}
                disabled={props.disabled}
                onSave={(value) => onEditCell(row.rowNumber, column.column, value)}
              />
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
          <Switch id={switchId} size="small" checked={onlyIssues} onChange={setOnlyIssues} />
          {/* The label names the switch and clicking it toggles it, as the words suggest. */}
          <label htmlFor={switchId} style={{ cursor: 'pointer' }}>
            只看有问题的行
          </label>
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
