import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { isSensitiveState, type AnalysisEntry, type AnalysisSettings } from '@shared/model';
import { maskedState, MASKED_NAME } from './useReveal';

type NameOf = (id: string | undefined) => string;

/** 稳定 green, the middle states blue, sensitive ones red; a state no longer listed grey. */
export function StateTag({ state, settings, masked }: { state: string; settings: Pick<AnalysisSettings, 'states'>; masked?: boolean }) {
  const index = settings.states.findIndex((s) => s.label === state);
  const color = isSensitiveState(state, settings) ? 'red' : index === 0 ? 'green' : index > 0 ? 'blue' : 'default';
  return <Tag color={color}>{masked ? maskedState(state) : state}</Tag>;
}

interface EntriesTableProps {
  entries: readonly AnalysisEntry[];
  settings: AnalysisSettings;
  nameOf: NameOf;
  /** Sensitive entries are shown in full only when revealed. */
  revealed: boolean;
  /** With these the table edits: 编辑 asks to reveal a masked row first. */
  onEdit?: (index: number) => void;
  onRemove?: (index: number) => void;
  onRevealRequest?: () => void;
}

interface Row {
  key: string;
  index: number;
  entry: AnalysisEntry;
  masked: boolean;
}

const EMPTY = <Typography.Text type="secondary">—</Typography.Text>;

function textCell(masked: boolean, value: string | undefined) {
  if (masked || !value) {
    return EMPTY;
  }
  return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
}

/** 党员思想状况: one row per member; a sensitive row reads 需关注（已隐藏） with nothing else until revealed. */
export function EntriesTable({ entries, settings, nameOf, revealed, onEdit, onRemove, onRevealRequest }: EntriesTableProps) {
  const rows: Row[] = entries.map((entry, index) => ({
    key: `${entry.memberId}-${index}`,
    index,
    entry,
    masked: !revealed && isSensitiveState(entry.state, settings),
  }));
  const columns: ColumnsType<Row> = [
    {
      title: '党员',
      key: 'member',
      width: 110,
      render: (_, row) => (row.masked ? <Typography.Text type="secondary">{MASKED_NAME}</Typography.Text> : nameOf(row.entry.memberId)),
    },
    {
      title: '思想状况',
      key: 'state',
      width: 140,
      render: (_, row) => <StateTag state={row.entry.state} settings={settings} masked={row.masked} />,
    },
    { title: '工作表现', key: 'performance', width: 90, render: (_, row) => textCell(row.masked, row.entry.performance) },
    { title: '具体表现', key: 'details', render: (_, row) => textCell(row.masked, row.entry.details) },
    { title: '存在问题', key: 'problems', render: (_, row) => textCell(row.masked, row.entry.problems) },
    { title: '帮扶措施', key: 'support', render: (_, row) => textCell(row.masked, row.entry.support) },
    {
      title: '谈话人',
      key: 'talker',
      width: 90,
      render: (_, row) => (row.masked ? EMPTY : nameOf(row.entry.talkerId) || EMPTY),
    },
  ];
  if (onEdit || onRemove) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, row) => (
        <Space size={0}>
          {onEdit && (
            <Button type="link" size="small" onClick={() => (row.masked ? onRevealRequest?.() : onEdit(row.index))}>
              编辑
            </Button>
          )}
          {onRemove && (
            <Popconfirm title="删除这条登记？" okText="删除" cancelText="取消" onConfirm={() => onRemove(row.index)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }
  return (
    <Table<Row>
      aria-label="党员思想状况"
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: '尚未登记党员思想状况' }}
      scroll={{ x: 900 }}
    />
  );
}
