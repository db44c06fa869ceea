import { App, Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '@shared/dates';
import { TALK_FIELD_LABELS, type Branch, type Talk } from '@shared/model';
import { committeeRoleOf, describeTalkChanges, relationLabel } from '@shared/talks';
import { useBranch } from '../../components/BranchContext';
import { ChangeHistoryTimeline } from '../../components/ChangeHistoryTimeline';
import { talkStore, useRectification, useTalk, useTalkHistory } from '../../db/talkHooks';
import type { NameOf } from './people';
import { failureMessage } from '../../components/formProblems';

interface TalkDetailDrawerProps {
  talkId: string | undefined;
  nameOf: NameOf;
  onEdit: (talk: Talk) => void;
  onClose: () => void;
}

function text(value: string | undefined): ReactNode {
  return value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">未填写</Typography.Text>;
}

/** 王伟（书记）. */
function person(id: string, nameOf: NameOf, branch: Pick<Branch, 'committee'>): string {
  const role = committeeRoleOf(id, branch);
  return role ? `${nameOf(id)}（${role}）` : nameOf(id);
}

/** One talk with every field, its 关系 as the committee stands now, and its change log. */
export function TalkDetailDrawer({ talkId, nameOf, onEdit, onClose }: TalkDetailDrawerProps) {
  const branch = useBranch();
  const talk = useTalk(talkId);
  const history = useTalkHistory(talkId);
  const rectification = useRectification(talk?.rectificationId);
  const { modal, message } = App.useApp();
  const navigate = useNavigate();

  const confirmDelete = (t: Talk) =>
    modal.confirm({
      title: '删除这条谈话记录？',
      content: '删除后不再计入覆盖情况；变更记录中保留完整内容。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await talkStore.remove(t.id);
          message.success('已删除');
          onClose();
        } catch (error) {
          message.error(failureMessage('删除', error));
        }
      },
    });

  let body: ReactNode;
  let extra: ReactNode = null;
  if (talk === undefined) {
    body = <Spin />;
  } else if (talk === null || talk.branchId !== branch.id) {
    body = <Empty description="该谈话记录不存在或已被删除" />;
  } else {
    extra = (
      <Space>
        <Button onClick={() => onEdit(talk)}>编辑</Button>
        <Button onClick={() => void navigate(`/rectifications/new?from=talks&id=${talk.id}`)}>生成整改任务</Button>
        <Button danger onClick={() => confirmDelete(talk)}>
          删除
        </Button>
      </Space>
    );
    const items: DescriptionsProps['items'] = [
      { key: 'date', label: TALK_FIELD_LABELS.date, children: formatDate(talk.date) },
      { key: 'location', label: TALK_FIELD_LABELS.location, children: text(talk.location) },
      { key: 'talker', label: TALK_FIELD_LABELS.talkerId, children: person(talk.talkerId, nameOf, branch) },
      { key: 'form', label: TALK_FIELD_LABELS.form, children: talk.form },
      { key: 'interviewees', label: TALK_FIELD_LABELS.intervieweeIds, span: 2, children: talk.intervieweeIds.map((id) => person(id, nameOf, branch)).join('、') },
      { key: 'relation', label: '关系', children: relationLabel(talk, branch) || '—' },
      { key: 'kind', label: TALK_FIELD_LABELS.kind, children: <Tag>{talk.kind}</Tag> },
      { key: 'content', label: TALK_FIELD_LABELS.content, span: 2, children: text(talk.content) },
      { key: 'issuesRaised', label: TALK_FIELD_LABELS.issuesRaised, span: 2, children: text(talk.issuesRaised) },
      { key: 'followUp', label: TALK_FIELD_LABELS.followUp, span: 2, children: text(talk.followUp) },
    ];
    if (talk.rectificationId) {
      items.push({
        key: 'rectification',
        label: '关联整改任务',
        span: 2,
        children: rectification === undefined ? <Spin size="small" /> : rectification ? `${rectification.problem}（${rectification.status}）` : '（整改任务已删除）',
      });
    }
    body = (
      <>
        <Descriptions bordered size="small" column={2} items={items} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          变更记录
        </Typography.Title>
        <ChangeHistoryTimeline entries={history} describeChanges={(changes) => describeTalkChanges(changes, nameOf)} />
      </>
    );
  }

  return (
    <Drawer title="谈心谈话记录" extra={extra} open={Boolean(talkId)} onClose={onClose} size={760} destroyOnHidden>
      {body}
    </Drawer>
  );
}
