import { Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { analysisPeriodLabel } from '@shared/analyses';
import { formatDate, formatDateTime } from '@shared/dates';
import type { Member, RectificationOrigin } from '@shared/model';
import { ORIGIN_TABLE_LABELS } from '@shared/rectifications';
import { useOriginRecord, type OriginRecord } from '../../db/rectificationHooks';

/** The words and the address of the record a task came from. */
export function describeOrigin(origin: OriginRecord, members: readonly Member[] | undefined): { text: string; path?: string } {
  const nameOf = (id: string) => members?.find((m) => m.id === id)?.name ?? '（已删除的人员）';
  if (origin.table === 'meetings') {
    const m = origin.record;
    return { text: `${m.type}：${m.title}（${formatDateTime(m.startAt)}）`, path: `/meetings/${m.id}` };
  }
  if (origin.table === 'talks') {
    const t = origin.record;
    const whom = t.intervieweeIds.map(nameOf).join('、');
    return {
      text: `谈心谈话：${formatDate(t.date)} ${nameOf(t.talkerId)}与${whom}（${t.kind}）`,
      path: `/talks?year=${t.date.slice(0, 4)}&talk=${t.id}`,
    };
  }
  const a = origin.record;
  return { text: `思想动态分析：${analysisPeriodLabel(a)}`, path: `/analyses/${a.id}` };
}

/** 来源记录 of a task, linking back to it; says so when the record has been deleted. */
export function OriginLink({ origin, members }: { origin: RectificationOrigin | undefined; members: readonly Member[] | undefined }) {
  const record = useOriginRecord(origin);
  if (!origin) {
    return <Typography.Text type="secondary">无（直接登记）</Typography.Text>;
  }
  if (record === undefined) {
    return <Spin size="small" />;
  }
  if (record === null) {
    return <Typography.Text type="secondary">（来源{ORIGIN_TABLE_LABELS[origin.table]}已删除）</Typography.Text>;
  }
  const { text, path } = describeOrigin(record, members);
  return path ? <Link to={path}>{text}</Link> : <span>{text}</span>;
}
