import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { analysisPeriodLabel, currentAndPreviousDue, stateCounts, type DuePeriod } from '@shared/analyses';
import { formatDate, todayIso } from '@shared/dates';
import type { Analysis } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { useAnalyses, useAnalysisSettings } from '../../db/analysisHooks';
import { AnalysisSettingsModal } from './AnalysisSettingsModal';
import { StateTag } from './EntriesTable';

function newPath(due: DuePeriod): string {
  return `/analyses/new?kind=${due.period.kind}&year=${due.period.year}&index=${due.period.index}`;
}

/** `/analyses`: every analysis of the branch, newest period first, with what is due now. */
export function AnalysisListPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const analyses = useAnalyses(branch.id);
  const settings = useAnalysisSettings();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const today = todayIso();
  const due = useMemo(() => (analyses && settings ? currentAndPreviousDue(analyses, settings.period, today) : undefined), [analyses, settings, today]);

  if (!analyses || !settings || !due) {
    return <Skeleton active />;
  }
  return (
    <div className="analysis-list-page">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          思想动态分析
        </Typography.Title>
        <Space style={{ marginLeft: 'auto' }}>
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
            分析设置
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/analyses/new')}>
            新建分析
          </Button>
        </Space>
      </Flex>

      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {due.previous.state === 'past' && !due.previous.analysis && (
          <Alert
            type="warning"
            showIcon
            title={`${due.previous.period.label}未开展党员思想动态分析`}
            action={<Link to={newPath(due.previous)}>补录</Link>}
          />
        )}
        {!due.current.analysis && (
          <Alert
            type="info"
            showIcon
            title={`${due.current.period.label}思想动态分析尚未完成（${formatDate(due.current.period.end)}前完成）`}
            action={<Link to={newPath(due.current)}>新建本期分析</Link>}
          />
        )}
      </Flex>

      <Table<Analysis>
        aria-label="思想动态分析列表"
        rowKey="id"
        size="middle"
        dataSource={analyses}
        pagination={analyses.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: '还没有思想动态分析，点击“新建分析”开始' }}
        onRow={(record) => ({ onClick: () => void navigate(`/analyses/${record.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '分析期间',
            key: 'period',
            render: (_, a) => <Link to={`/analyses/${a.id}`} onClick={(e) => e.stopPropagation()}>{analysisPeriodLabel(a)}</Link>,
          },
          { title: '类型', dataIndex: 'periodKind', width: 80 },
          { title: '起止日期', key: 'range', render: (_, a) => `${formatDate(a.periodStart)}至${formatDate(a.periodEnd)}` },
          { title: '登记党员', key: 'entries', width: 90, render: (_, a) => `${a.entries.length}人` },
          {
            title: '思想状况',
            key: 'states',
            render: (_, a) => (
              <Space size={4} wrap>
                {stateCounts(a.entries, settings)
                  .filter((c) => c.count > 0)
                  .map((c) => (
                    <span key={c.state}>
                      <StateTag state={c.state} settings={settings} />
                      {c.count}
                    </span>
                  ))}
              </Space>
            ),
          },
          { title: '报送日期', key: 'submittedOn', width: 140, render: (_, a) => formatDate(a.submittedOn) || '未报送' },
        ]}
      />
      <AnalysisSettingsModal open={settingsOpen} settings={settings} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
