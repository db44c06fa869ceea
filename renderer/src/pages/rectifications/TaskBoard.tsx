import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '@shared/dates';
import type { Rectification } from '@shared/model';
import { isOverdue, shortProblem, type TaskGroup } from '@shared/rectifications';
import { DeadlineTag, STATUS_COLOR } from './DeadlineTag';

function TaskCard({ task, today, evidence }: { task: Rectification; today: string; evidence: number }) {
  const overdue = isOverdue(task, today);
  return (
    <Link to={`/rectifications/${task.id}`} className={`rectification-card${overdue ? ' rectification-card-overdue' : ''}`} aria-label={shortProblem(task.problem, 60)}>
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 6 }}>
        {task.problem}
      </Typography.Paragraph>
      <Flex gap={4} wrap>
        <Tag>{task.category}</Tag>
        <DeadlineTag task={task} today={today} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {task.owner ?? '未指定责任人'}
        {task.deadline && ` · ${formatDate(task.deadline)}`}
        {evidence > 0 && ` · 佐证 ${evidence} 份`}
      </Typography.Text>
    </Link>
  );
}

/** 按状态: one column per status, in workflow order. */
export function TaskBoard({ columns, today, evidence }: { columns: TaskGroup[]; today: string; evidence: ReadonlyMap<string, number> }) {
  return (
    <div className="rectification-board" role="list" aria-label="整改任务看板">
      {columns.map((column) => (
        <Card
          key={column.key}
          role="listitem"
          aria-label={column.label}
          size="small"
          className="rectification-column"
          title={
            <Flex align="center" gap={6}>
              {/* 按状态: a column's key is its status */}
              <Tag color={STATUS_COLOR[column.key as Rectification['status']]} style={{ marginInlineEnd: 0 }}>
                {column.label}
              </Tag>
              <Typography.Text type="secondary">{column.tasks.length}</Typography.Text>
            </Flex>
          }
        >
          {column.tasks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
          ) : (
            <Flex vertical gap={8}>
              {column.tasks.map((task) => (
                <TaskCard key={task.id} task={task} today={today} evidence={evidence.get(task.id) ?? 0} />
              ))}
            </Flex>
          )}
        </Card>
      ))}
    </div>
  );
}
