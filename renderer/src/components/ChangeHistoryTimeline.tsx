import { Empty, Spin, Timeline, Typography } from 'antd';
import { formatDateTime } from '@shared/dates';
import type { AuditEntry } from '@shared/model';

const ACTION_COLOR: Record<AuditEntry['action'], string> = { create: 'green', update: 'blue', delete: 'red' };

/** One changed field of an update, already worded for the reader. */
export interface DescribedChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

interface ChangeHistoryTimelineProps {
  entries: AuditEntry[] | undefined;
  /** Words an update's field changes (labels, names for ids, formatted dates). */
  describeChanges: (changes: AuditEntry['changes']) => DescribedChange[];
}

/** 变更记录 of any record: every change, newest first, each changed field before → after. */
export function ChangeHistoryTimeline({ entries, describeChanges }: ChangeHistoryTimelineProps) {
  if (!entries) {
    return <Spin />;
  }
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />;
  }
  return (
    <Timeline
      items={entries.map((entry, index) => {
        const changes = entry.action === 'update' ? describeChanges(entry.changes) : [];
        return {
          key: entry.seq ?? index,
          color: ACTION_COLOR[entry.action],
          title: formatDateTime(entry.at),
          content: (
            <div>
              <Typography.Text strong>{entry.summary}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {entry.actor}
              </Typography.Text>
              {changes.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                  {changes.map((c) => (
                    <li key={c.field}>
                      {c.label}：<Typography.Text type="secondary">{c.before}</Typography.Text> → {c.after}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
