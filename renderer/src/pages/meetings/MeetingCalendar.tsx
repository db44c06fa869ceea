import { Calendar, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Meeting } from '@shared/model';
import { meetingTypeColor } from './meetingTypeTag';

interface MeetingCalendarProps {
  /** The meetings of the shown year. */
  meetings: readonly Meeting[] | undefined;
  value: Dayjs;
  onChange: (value: Dayjs) => void;
}

/** A month calendar: each day lists its meetings; in the year view each month shows how many. */
export function MeetingCalendar({ meetings, value, onChange }: MeetingCalendarProps) {
  const byDay = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const meeting of meetings ?? []) {
      const day = meeting.startAt.slice(0, 10);
      map.set(day, [...(map.get(day) ?? []), meeting]);
    }
    for (const list of map.values()) {
      list.sort((a, b) => (a.startAt < b.startAt ? -1 : 1));
    }
    return map;
  }, [meetings]);
  const byMonth = useMemo(() => {
    const map = new Map<string, number>();
    for (const meeting of meetings ?? []) {
      const month = meeting.startAt.slice(0, 7);
      map.set(month, (map.get(month) ?? 0) + 1);
    }
    return map;
  }, [meetings]);

  return (
    <Calendar
      className="meeting-calendar"
      value={value}
      onPanelChange={(date) => onChange(date)}
      onSelect={(date) => onChange(date)}
      cellRender={(date, info) => {
        if (info.type === 'month') {
          const count = byMonth.get(date.format('YYYY-MM'));
          return count ? <Typography.Text type="secondary">{count} 次会议</Typography.Text> : null;
        }
        if (info.type !== 'date') {
          return info.originNode;
        }
        const list = byDay.get(date.format('YYYY-MM-DD'));
        if (!list) {
          return null;
        }
        return (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.map((m) => (
              <li key={m.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                <Link to={`/meetings/${m.id}`} title={`${m.startAt.slice(11, 16)} ${m.title}`}>
                  <Tag color={meetingTypeColor(m.type)} style={{ marginInlineEnd: 4 }}>
                    {m.startAt.slice(11, 16)}
                  </Tag>
                  {/* The cell already says which month it is. */}
                  {m.title.replace(/^\d{4}年\d{1,2}月/, '') || m.title}
                </Link>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
