import { Card, Empty, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatDate, todayIso } from '@shared/dates';
import type { Rectification } from '@shared/model';
import { DUE_SOON_DAYS, shortProblem, tasksNeedingAttention } from '@shared/rectifications';
import { useBranch } from '../../components/BranchContext';
import { useRectifications } from '../../db/rectificationHooks';
import { DeadlineTag } from './DeadlineTag';
import './rectifications.css';

export const DASHBOARD_PANEL_TITLE = `整改任务（已逾期及${DUE_SOON_DAYS}天内到期）`;

function Lines({ label, tasks, today }: { label: string; tasks: Rectification[]; today: string }) {
  return (
    <ul className="rectification-dashboard-list" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id}>
          <DeadlineTag task={task} today={today} />
          <Link to={`/rectifications/${task.id}`} title={task.problem}>
            {shortProblem(task.problem, 50)}
          </Link>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {task.owner ? `${task.owner} · ` : ''}完成时限 {formatDate(task.deadline)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** For the 工作台: overdue tasks, then those due within 14 days, each linking to the task. */
export function RectificationDashboardPanel() {
  const branch = useBranch();
  const tasks = useRectifications(branch.id);
  const today = todayIso();
  const attention = useMemo(() => (tasks ? tasksNeedingAttention(tasks, today) : undefined), [tasks, today]);

  return (
    <Card title={DASHBOARD_PANEL_TITLE} extra={<Link to="/rectifications">整改台账</Link>}>
      {!attention ? (
        <Skeleton active />
      ) : attention.overdue.length === 0 && attention.dueSoon.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有逾期或${DUE_SOON_DAYS}天内到期的整改任务`} />
      ) : (
        <>
          {attention.overdue.length > 0 && <Lines label="逾期的整改任务" tasks={attention.overdue} today={today} />}
          {attention.dueSoon.length > 0 && <Lines label={`${DUE_SOON_DAYS}天内到期的整改任务`} tasks={attention.dueSoon} today={today} />}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        整改完成后上传佐证材料，经审核人审核后销号（对单销号）。
      </Typography.Paragraph>
    </Card>
  );
}
