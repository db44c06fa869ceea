import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Spin, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDate, todayIso } from '@shared/dates';
import { RECTIFICATION_FIELD_LABELS as L, type Rectification } from '@shared/model';
import { describeRectificationChanges, shortProblem } from '@shared/rectifications';
import { useBranch } from '../../components/BranchContext';
import { ChangeHistoryTimeline } from '../../components/ChangeHistoryTimeline';
import { useMembers } from '../../db';
import { rectificationStore, useEvidence, useRectification, useRectificationHistory } from '../../db/rectificationHooks';
import { DeadlineTag, StatusTag } from './DeadlineTag';
import { EvidenceFiles } from './EvidenceFiles';
import { OriginLink } from './OriginLink';
import { ProgressLog } from './ProgressLog';
import { StatusActions } from './StatusActions';
import { failureMessage } from '../../components/formProblems';

function text(value: string | undefined): ReactNode {
  return value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">未填写</Typography.Text>;
}

function Fields({ task, today, origin }: { task: Rectification; today: string; origin: ReactNode }) {
  const items: DescriptionsProps['items'] = [
    { key: 'source', label: L.source, children: task.source },
    { key: 'category', label: L.category, children: task.category },
    { key: 'problem', label: L.problem, span: 2, children: text(task.problem) },
    { key: 'goal', label: L.goal, span: 2, children: text(task.goal) },
    { key: 'measures', label: L.measures, span: 2, children: text(task.measures) },
    { key: 'leader', label: L.leader, children: text(task.leader) },
    { key: 'owner', label: L.owner, children: text(task.owner) },
    {
      key: 'deadline',
      label: L.deadline,
      children: task.deadline ? (
        <Space size={4}>
          {formatDate(task.deadline)}
          <DeadlineTag task={task} today={today} />
        </Space>
      ) : (
        text(undefined)
      ),
    },
    { key: 'status', label: L.status, children: <StatusTag status={task.status} /> },
    { key: 'outcome', label: L.outcome, span: 2, children: text(task.outcome) },
    { key: 'closedOn', label: L.closedOn, children: task.closedOn ? formatDate(task.closedOn) : '—' },
    { key: 'reviewer', label: L.reviewer, children: task.reviewer ?? '—' },
    { key: 'origin', label: L.origin, span: 2, children: origin },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }} />;
}

/** `/rectifications/:id`: the task, its workflow buttons, 整改进展, 佐证材料 and 变更记录. */
export function RectificationDetailPage() {
  const { id } = useParams();
  const branch = useBranch();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const task = useRectification(id);
  const members = useMembers(branch.id);
  const evidence = useEvidence(id);
  const history = useRectificationHistory(id);
  const today = todayIso();

  if (task === null || (task && task.branchId !== branch.id)) {
    return <Result status="404" title="该整改任务不存在或已被删除" extra={<Button onClick={() => void navigate('/rectifications')}>返回整改台账</Button>} />;
  }
  if (!task) {
    return <Spin />;
  }

  async function remove(t: Rectification) {
    try {
      await rectificationStore.remove(t.id);
      message.success('已删除该整改任务');
      void navigate('/rectifications', { replace: true });
    } catch (error) {
      message.error(failureMessage('删除', error));
    }
  }

  return (
    <div className="rectification-detail">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/rectifications')}>
          整改台账
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {shortProblem(task.problem, 30)}
        </Typography.Title>
        <StatusTag status={task.status} />
        <DeadlineTag task={task} today={today} />
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <StatusActions task={task} members={members} evidenceCount={evidence?.length ?? 0} />
        <Space style={{ marginLeft: 'auto' }} wrap>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/rectifications/${task.id}/edit`)}>
            编辑
          </Button>
          {task.status !== '已销号' && (
            <Popconfirm
              title="删除这条整改任务？"
              description="佐证材料一并删除；变更记录中保留被删除的内容。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => void remove(task)}
            >
              <Button danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Fields task={task} today={today} origin={<OriginLink origin={task.origin} members={members} />} />
      </Card>
      <Card title="整改进展" size="small" style={{ marginBottom: 16 }}>
        <ProgressLog task={task} />
      </Card>
      <Card title={`佐证材料${evidence?.length ? `（${evidence.length} 份）` : ''}`} size="small" style={{ marginBottom: 16 }}>
        <EvidenceFiles taskId={task.id} readOnly={task.status === '已销号'} />
      </Card>
      <Card title="变更记录" size="small">
        <ChangeHistoryTimeline entries={history} describeChanges={describeRectificationChanges} />
      </Card>
    </div>
  );
}
