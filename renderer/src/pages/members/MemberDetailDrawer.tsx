import { Alert, App, Button, Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { formatDate, fullYearsBetween, todayIso } from '@shared/dates';
import { PARTY_POST_LABEL, partyPostOf } from '@shared/branch/posts';
import { gapLabels, ID_UNVERIFIED, INCOMPLETE, isActiveMember, MEMBER_FIELD_LABELS, memberGaps, type Branch, type Member } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { memberStore, useMember, useMemberHistory } from '../../db';
import { DepartureModal } from './DepartureModal';
import { MemberFormDrawer } from './MemberFormDrawer';
import { MemberHistoryTimeline } from './MemberHistoryTimeline';
import { partyAgeYears, probation } from './memberFacts';
import { CategoryTag } from './rosterColumns';
import { failureMessage } from '../../components/formProblems';

interface MemberDetailDrawerProps {
  /** The member shown; the drawer is closed when absent. */
  memberId: string | undefined;
  /** The branch's members, for the edit form's duplicate-ID check. */
  members: readonly Member[];
  onClose: () => void;
}

const blank = <Typography.Text type="secondary">未填写</Typography.Text>;

function text(value: string | undefined): ReactNode {
  return value ? value : blank;
}

/** One member: every field, 党龄 and 预备期, the change log, and what can be done with the record. */
export function MemberDetailDrawer({ memberId, members, onClose }: MemberDetailDrawerProps) {
  // While the drawer slides shut the URL has no id any more; keep showing the member until it is gone.
  const [shownId, setShownId] = useState(memberId);
  const [editing, setEditing] = useState(false);
  const [departing, setDeparting] = useState(false);
  if (memberId && memberId !== shownId) {
    setShownId(memberId);
    setEditing(false);
    setDeparting(false);
  }
  const member = useMember(shownId);
  const history = useMemberHistory(shownId);
  const branch = useBranch();
  const { message, modal } = App.useApp();
  const groupNames = useMemo(() => new Map(branch.partyGroups.map((g) => [g.id, g.name])), [branch.partyGroups]);
  const open = Boolean(memberId);

  const restore = async (m: Member) => {
    try {
      await memberStore.restore(m.id);
      message.success(`${m.name}已恢复为在册党员`);
    } catch (error) {
      message.error(failureMessage('操作', error));
    }
  };

  const confirmDelete = (m: Member) => {
    modal.confirm({
      title: `删除“${m.name}”的记录？`,
      content: (
        <>
          <p>仅用于删除误录入的记录。删除后，该党员将从花名册（含历史党员）中消失，记录只保留在变更记录中。</p>
          <p>党员转出、停止党籍、去世等情况，请使用“转出/离开”，不要删除。</p>
        </>
      ),
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await memberStore.deleteEnteredByMistake(m.id);
          message.success('已删除');
          onClose();
        } catch (error) {
          message.error(failureMessage('删除', error));
        }
      },
    });
  };

  let body: ReactNode;
  let title: ReactNode = '党员信息';
  let extra: ReactNode = null;
  if (member === undefined) {
    body = <Spin />;
  } else if (member === null || member.branchId !== branch.id) {
    body = <Empty description="该党员不存在或已被删除" />;
  } else {
    const active = isActiveMember(member);
    title = (
      <Space>
        {member.name}
        <CategoryTag category={member.category} />
        {!active && <Tag>历史党员</Tag>}
      </Space>
    );
    extra = (
      <Space wrap>
        <Button onClick={() => setEditing(true)}>编辑</Button>
        {active ? (
          <Button onClick={() => setDeparting(true)}>转出/离开</Button>
        ) : (
          <Button onClick={() => void restore(member)}>恢复为在册党员</Button>
        )}
        <Button danger onClick={() => confirmDelete(member)}>
          删除（仅限误录入）
        </Button>
      </Space>
    );
    body = (
      <>
        <GapAlert member={member} />
        <Descriptions bordered size="small" column={2} items={detailItems(member, branch, groupNames)} />
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          变更记录
        </Typography.Title>
        <MemberHistoryTimeline entries={history} groupNames={groupNames} />
        <MemberFormDrawer open={editing} member={member} members={members} onClose={() => setEditing(false)} />
        <DepartureModal open={departing} member={member} onClose={() => setDeparting(false)} />
      </>
    );
  }

  return (
    <Drawer title={title} extra={extra} open={open} onClose={onClose} size={760} destroyOnHidden>
      {body}
    </Drawer>
  );
}

/** What the record lacks, named field by field, with the way to complete it. */
function GapAlert({ member }: { member: Member }) {
  const labels = gapLabels(memberGaps(member));
  if (labels.length === 0) {
    return null;
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${INCOMPLETE}：${labels.join('、')}`}
      description="点击“编辑”补全；补全后不再标注。"
    />
  );
}

function detailItems(member: Member, branch: Branch, groupNames: ReadonlyMap<string, string>): DescriptionsProps['items'] {
  const today = todayIso();
  const L = MEMBER_FIELD_LABELS;
  const age = member.birthDate ? fullYearsBetween(member.birthDate, today) : undefined;
  const partyAge = partyAgeYears(member, today);
  const probationInfo = probation(member, today);
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: L.name, children: member.name },
    { key: 'gender', label: L.gender, children: text(member.gender) },
    { key: 'ethnicity', label: L.ethnicity, children: text(member.ethnicity) },
    { key: 'birthDate', label: L.birthDate, children: member.birthDate ? `${formatDate(member.birthDate)}${age !== undefined ? `（${age}岁）` : ''}` : blank },
    {
      key: 'idNumber',
      label: L.idNumber,
      span: 2,
      children: memberGaps(member).idNumberUnverified ? (
        <Space>
          {member.idNumber}
          <Tag color="orange">{ID_UNVERIFIED}：未通过校验，请逐位核对</Tag>
        </Space>
      ) : (
        text(member.idNumber)
      ),
    },
    { key: 'education', label: L.education, children: text(member.education) },
    { key: 'category', label: L.category, children: member.category ? <CategoryTag category={member.category} /> : blank },
    { key: 'joinedOn', label: L.joinedOn, children: text(formatDate(member.joinedOn)) },
    {
      key: 'confirmedOn',
      label: L.confirmedOn,
      children: member.category === '预备党员' ? <Typography.Text type="secondary">尚未转正</Typography.Text> : text(formatDate(member.confirmedOn)),
    },
  ];
  if (probationInfo) {
    items.push({
      key: 'probationEnd',
      label: '预备期满',
      span: 2,
      children: (
        <Space>
          {formatDate(probationInfo.endDate)}
          {probationInfo.due && <Tag color="orange">预备期已满，支部应及时讨论转正</Tag>}
        </Space>
      ),
    });
  } else {
    items.push({
      key: 'partyAge',
      label: '党龄',
      span: 2,
      children: partyAge !== undefined ? `${partyAge}年（自转正时间起算）` : <Typography.Text type="secondary">缺转正时间，无法计算</Typography.Text>,
    });
  }
  items.push(
    { key: 'status', label: L.status, children: member.status },
    { key: 'partyGroupId', label: L.partyGroupId, children: text(member.partyGroupId ? (groupNames.get(member.partyGroupId) ?? '（已删除的党小组）') : undefined) },
    { key: 'partyPost', label: PARTY_POST_LABEL, children: partyPostOf(member.id, branch) },
    { key: 'jobTitle', label: L.jobTitle, children: text(member.jobTitle) },
    { key: 'phone', label: L.phone, children: text(member.phone), span: 2 },
    { key: 'remarks', label: L.remarks, children: text(member.remarks), span: 2 },
  );
  if (member.transferredInOn) {
    items.push({ key: 'transferredInOn', label: L.transferredInOn, children: formatDate(member.transferredInOn) });
  }
  if (member.disciplinedOn) {
    items.push({ key: 'disciplinedOn', label: L.disciplinedOn, children: formatDate(member.disciplinedOn) });
  }
  if (member.departure) {
    items.push(
      { key: 'departureReason', label: '离开原因', children: member.departure.reason },
      { key: 'departureDate', label: '离开日期', children: formatDate(member.departure.date) },
      { key: 'departureNote', label: '说明', children: text(member.departure.note), span: 2 },
    );
  }
  return items;
}
