import { Button, Card, Empty, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { groupDueItems, SEVERITY_TAGS, type DueGroup, type DueItem } from './dueItems';

function DueLine({ item, withTag = true }: { item: DueItem; withTag?: boolean }) {
  const tag = SEVERITY_TAGS[item.severity];
  return (
    <li>
      {withTag && (
        <Tag color={tag.color} className="dashboard-due-tag">
          {tag.text}
        </Tag>
      )}
      <div className="dashboard-due-body">
        <Typography.Text>{item.message}</Typography.Text>
        <Typography.Text type="secondary" className="dashboard-due-source">
          依据：{item.source}
        </Typography.Text>
      </div>
      {item.link && (
        <Link to={item.link.to} className="dashboard-due-link">
          {item.link.text}
        </Link>
      )}
    </li>
  );
}

/** A kind with several lines: its count and span, folded; unfolded, its lines by period. */
function DueGroupLine({ group }: { group: DueGroup }) {
  const [open, setOpen] = useState(false);
  const tag = SEVERITY_TAGS[group.severity];
  const listId = `due-${group.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <li className="dashboard-due-group">
      <div className="dashboard-due-group-head">
        <Tag color={tag.color} className="dashboard-due-tag">
          {tag.text}
        </Tag>
        <div className="dashboard-due-body">
          <Typography.Text strong>
            {group.label}：{group.count} 项
          </Typography.Text>
          <Typography.Text type="secondary" className="dashboard-due-source">
            {group.span}
          </Typography.Text>
        </div>
        <Button type="link" size="small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} className="dashboard-due-link">
          {open ? '收起' : `展开 ${group.count} 项`}
        </Button>
      </div>
      {open && (
        <ul id={listId} className="dashboard-due dashboard-due-nested" aria-label={`${group.label}（${group.count} 项）`}>
          {group.periods.map((period) =>
            period.items.length === 1 ? (
              <DueLine key={period.period} item={period.items[0]} withTag={false} />
            ) : (
              <li key={period.period} className="dashboard-due-period">
                <Typography.Text type="secondary">
                  {period.label}（{period.items.length} 项）
                </Typography.Text>
                <ul className="dashboard-due" aria-label={`${group.label} ${period.label}`}>
                  {period.items.map((item) => (
                    <DueLine key={item.key} item={item} withTag={false} />
                  ))}
                </ul>
              </li>
            ),
          )}
        </ul>
      )}
    </li>
  );
}

/**
 * 待办与提醒: what runAllRules found, most urgent first, grouped by kind (a rule at one severity) and period with
 * their counts; a kind with several lines folds. Each line names its article and where it is put right.
 */
export function DueList({ items, year }: { items: readonly DueItem[]; year: number }) {
  const urgent = items.filter((i) => i.severity !== 'info').length;
  const groups = useMemo(() => groupDueItems(items), [items]);
  return (
    <Card title={`待办与提醒（${year}年）`} extra={urgent > 0 ? <Tag color="red">{urgent} 项须处理</Tag> : undefined} style={{ height: '100%' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办事项" />
      ) : (
        <ul className="dashboard-due" aria-label="待办与提醒">
          {groups.map((group) =>
            group.count === 1 ? <DueLine key={group.key} item={group.periods[0].items[0]} /> : <DueGroupLine key={group.key} group={group} />,
          )}
        </ul>
      )}
    </Card>
  );
}
