import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Segmented, Skeleton, Switch, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { todayIso } from '@shared/dates';
import { RECTIFICATION_STATUSES } from '@shared/model';
import { filterTasks, groupByCategory, groupByOwner, groupByStatus, summariseTasks } from '@shared/rectifications';
import { useBranch } from '../../components/BranchContext';
import { useEvidenceCounts, useRectifications } from '../../db/rectificationHooks';
import { TaskBoard } from './TaskBoard';
import { TaskTable } from './TaskTable';

type View = 'status' | 'category' | 'owner';
const VIEWS: { value: View; label: string }[] = [
  { value: 'status', label: '按状态' },
  { value: 'category', label: '按类别' },
  { value: 'owner', label: '按责任人' },
];

/** `/rectifications?view=status|category|owner`: the branch's tasks as a board, by category or by owner. */
export function RectificationListPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v.value === params.get('view'))?.value ?? 'status';
  const tasks = useRectifications(branch.id);
  const evidence = useEvidenceCounts(branch.id);
  const [text, setText] = useState('');
  const query = useDeferredValue(text);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const today = todayIso();

  const shown = useMemo(() => filterTasks(tasks ?? [], { query, overdueOnly }, today), [tasks, query, overdueOnly, today]);
  const summary = useMemo(() => summariseTasks(tasks ?? [], today), [tasks, today]);
  const groups = useMemo(() => {
    if (view === 'category') {
      return groupByCategory(shown, today);
    }
    if (view === 'owner') {
      return groupByOwner(shown, today);
    }
    return groupByStatus(shown, today);
  }, [view, shown, today]);

  const setView = (next: View) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('view', next);
        return p;
      },
      { replace: true },
    );

  return (
    <div className="rectifications-page">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: '0 8px 0 0' }}>
          整改台账
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/rectifications/new')}>
          新建整改任务
        </Button>
      </Flex>
      {tasks && (
        <Typography.Paragraph type="secondary" aria-label="整改任务统计">
          共 {summary.total} 项：{RECTIFICATION_STATUSES.map((s) => `${s} ${summary.byStatus[s]}`).join('，')}。
          {summary.overdue > 0 && <Typography.Text type="danger"> 逾期 {summary.overdue} 项。</Typography.Text>}
          {summary.dueSoon > 0 && <Typography.Text type="warning"> 14天内到期 {summary.dueSoon} 项。</Typography.Text>}
        </Typography.Paragraph>
      )}
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<View> aria-label="查看方式" options={VIEWS} value={view} onChange={setView} />
        <Input
          aria-label="搜索整改任务"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索存在问题、整改措施、责任人"
          style={{ width: 280 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Flex align="center" gap={6}>
          <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} aria-label="只看逾期" />
          <span>只看逾期</span>
        </Flex>
      </Flex>

      {!tasks || !evidence ? (
        <Skeleton active />
      ) : tasks.length === 0 ? (
        <Empty description="还没有整改任务。可点击“新建整改任务”，或在组织生活会等会议记录、谈心谈话中“生成整改任务”。" />
      ) : view === 'status' ? (
        <TaskBoard columns={groups} today={today} evidence={evidence} />
      ) : groups.length === 0 ? (
        <Empty description="没有符合条件的整改任务" />
      ) : (
        <Flex vertical gap={16}>
          {groups.map((group) => (
            <Card key={group.key} size="small" title={`${group.label}（${group.tasks.length}）`}>
              <TaskTable label={group.label} tasks={group.tasks} today={today} evidence={evidence} hide={view === 'category' ? 'category' : 'owner'} />
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
