import { Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { analysisPeriodLabel, compareEntries, type EntryChange } from '@shared/analyses';
import { isSensitiveState, type Analysis, type AnalysisSettings } from '@shared/model';
import { StateTag } from './EntriesTable';
import { MASKED_NAME } from './useReveal';

const KIND_TEXT: Record<EntryChange['kind'], string> = { changed: '状况变化', added: '本期新增登记', removed: '本期未登记' };

interface ComparisonPanelProps {
  analysis: Analysis;
  previous?: Analysis;
  settings: AnalysisSettings;
  nameOf: (id: string | undefined) => string;
  revealed: boolean;
}

/** 对比上期: who changed 思想状况 since the previous analysis; lines touching a sensitive state are masked until revealed. */
export function ComparisonPanel({ analysis, previous, settings, nameOf, revealed }: ComparisonPanelProps) {
  if (!previous) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有更早的分析可以对比" />;
  }
  const { changes, unchanged } = compareEntries(previous.entries, analysis.entries, settings);
  const changed = changes.filter((c) => c.kind === 'changed').length;
  const rows = changes.map((c) => ({ ...c, key: `${c.kind}-${c.memberId}`, masked: c.sensitive && !revealed }));
  return (
    <>
      <Typography.Paragraph>
        与上期（<Link to={`/analyses/${previous.id}`}>{analysisPeriodLabel(previous)}</Link>）相比：思想状况有变化 {changed} 人，无变化 {unchanged} 人
        {changes.length > changed && `，登记人员增减 ${changes.length - changed} 人`}。
      </Typography.Paragraph>
      <Table
        aria-label="对比上期"
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: '与上期相比没有变化' }}
        columns={[
          {
            title: '党员',
            key: 'member',
            render: (_, row) => (row.masked ? <Typography.Text type="secondary">{MASKED_NAME}</Typography.Text> : nameOf(row.memberId)),
          },
          {
            title: '上期',
            key: 'before',
            render: (_, row) => (row.before ? <StateTag state={row.before} settings={settings} masked={row.masked && isSensitiveState(row.before, settings)} /> : '—'),
          },
          {
            title: '本期',
            key: 'after',
            render: (_, row) => (row.after ? <StateTag state={row.after} settings={settings} masked={row.masked && isSensitiveState(row.after, settings)} /> : '—'),
          },
          {
            title: '变化',
            key: 'kind',
            render: (_, row) =>
              row.kind === 'changed' ? (
                <Tag color={row.direction === 'worse' ? 'orange' : 'green'}>{row.direction === 'worse' ? '需加强关注' : '好转'}</Tag>
              ) : (
                KIND_TEXT[row.kind]
              ),
          },
        ]}
      />
    </>
  );
}
