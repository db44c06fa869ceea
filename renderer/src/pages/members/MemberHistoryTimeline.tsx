import { Empty, Spin, Timeline, Typography } from 'antd';
import type { AuditEntry } from '@shared/model';
import { describeChanges, formatAuditTime } from './memberFacts';

const ACTION_COLOR: Record<AuditEntry['action'], string> = { create: 'green', update: 'blue', delete: 'red' };

/** 变更记录: every change of the record, newest first, with each changed field before → after. */
export function MemberHistoryTimeline({ entries, groupNames }: { entries: AuditEntry[] | undefined; groupNames: ReadonlyMap<string, string> }) {
  if (!entries) {
    return <Spin />;
  }
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />;
  }
  return (
    <Timeline
      items={entries.map((entry, index) => {
        const changes = entry.action === 'update' ? describeChanges(entry.changes, groupNames) : [];
        return {
          key: entry.seq ?? index,
          color: ACTION_COLOR[entry.action],
          title: formatAuditTime(entry.at),
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
