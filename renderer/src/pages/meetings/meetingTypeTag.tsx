import { Space, Tag } from 'antd';
import type { Meeting } from '@shared/model';

/** One colour per type, so a month of meetings reads at a glance. */
const TYPE_COLORS: Record<string, string> = {
  支部党员大会: 'red',
  支部委员会: 'volcano',
  党小组会: 'orange',
  党课: 'blue',
  主题党日: 'magenta',
  组织生活会: 'purple',
  民主评议党员: 'geekblue',
  集中学习: 'cyan',
};

export function meetingTypeColor(type: string): string {
  return TYPE_COLORS[type] ?? 'default';
}

/** The type, then every 同时计为 type as a lighter tag. */
export function MeetingTypeTags({ meeting }: { meeting: Pick<Meeting, 'type' | 'alsoCountsAs'> }) {
  return (
    <Space size={[0, 4]} wrap>
      <Tag color={meetingTypeColor(meeting.type)}>{meeting.type}</Tag>
      {(meeting.alsoCountsAs ?? []).map((t) => (
        <Tag key={t} variant="outlined" title={`同时计为${t}`}>
          计为{t}
        </Tag>
      ))}
    </Space>
  );
}
