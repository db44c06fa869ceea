import { Card, Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SEVERITY_TAGS, type DueItem } from './dueItems';

/** 待办与提醒: what runAllRules found, most urgent first, each with its article and where it is put right. */
export function DueList({ items, year }: { items: readonly DueItem[]; year: number }) {
  const urgent = items.filter((i) => i.severity !== 'info').length;
  return (
    <Card title={`待办与提醒（${year}年）`} extra={urgent > 0 ? <Tag color="red">{urgent} 项须处理</Tag> : undefined} style={{ height: '100%' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办事项" />
      ) : (
        <ul className="dashboard-due" aria-label="待办与提醒">
          {items.map((item) => {
            const tag = SEVERITY_TAGS[item.severity];
            return (
              <li key={item.key}>
                <Tag color={tag.color} className="dashboard-due-tag">
                  {tag.text}
                </Tag>
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
          })}
        </ul>
      )}
    </Card>
  );
}
