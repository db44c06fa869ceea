import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '@shared/dates';
import type { Rectification } from '@shared/model';
import { isOverdue, shortProblem } from '@shared/rectifications';
import { DeadlineTag, StatusTag } from './DeadlineTag';

interface TaskTableProps {
  label: string;
  tasks: Rectification[];
  today: string;
  evidence: ReadonlyMap<string, number>;
  /** The grouping already says it; the column would repeat it. */
  hide?: 'category' | 'owner';
}

/** One group of the 按类别 / 按责任人 views: overdue rows in red. */
export function TaskTable({ label, tasks, today, evidence, hide }: TaskTableProps) {
  const columns: TableColumnsType<Rectification> = [
    {
      title: '存在问题',
      dataIndex: 'problem',
      render: (problem: string, t) => <Link to={`/rectifications/${t.id}`}>{shortProblem(problem, 60)}</Link>,
    },
    ...(hide === 'category' ? [] : [{ title: '问题类别', dataIndex: 'category', width: 100 } as const]),
    { title: '问题来源', dataIndex: 'source', width: 120 },
    ...(hide === 'owner' ? [] : [{ title: '责任人', dataIndex: 'owner', width: 120, render: (v?: string) => v ?? <Typography.Text type="secondary">未指定</Typography.Text> }]),
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 210,
      render: (v: string | undefined, t) =>
        v ? (
          <>
            {formatDate(v)} <DeadlineTag task={t} today={today} />
          </>
        ) : (
          <Typography.Text type="secondary">未定</Typography.Text>
        ),
    },
    { title: '状态', dataIndex: 'status', width: 120, render: (_v, t) => <StatusTag status={t.status} /> },
    {
      title: '佐证材料',
      key: 'evidence',
      width: 90,
      align: 'center',
      render: (_v, t) => (evidence.get(t.id) ? `${evidence.get(t.id)} 份` : <Tag>无</Tag>),
    },
  ];
  return (
    <Table<Rectification>
      aria-label={`${label}的整改任务`}
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={tasks}
      pagination={false}
      rowClassName={(t) => (isOverdue(t, today) ? 'rectification-overdue-row' : '')}
      scroll={{ x: 800 }}
    />
  );
}
