import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '@shared/dates';
import type { Talk } from '@shared/model';
import {
  coverageView,
  RULE_SETTING_CHOICES,
  SOURCES,
  TALK_REQUIREMENT_LABELS,
  type MissingTalk,
  type RuleSettings,
  type TalkCoverage,
  type TalkRequirement,
} from '@shared/rules';
import { committeeRoleOf, describeMissing, formatMonthDay, prefillForMissing, prefillForPair, talkMatrix, talkOfCell, type TalkPrefill } from '@shared/talks';
import { useBranch } from '../../components/BranchContext';
import type { NameOf } from './people';

interface CoverageTabProps {
  year: number;
  coverage: TalkCoverage;
  settings: RuleSettings;
  talks: readonly Talk[];
  nameOf: NameOf;
  onRecord: (prefill: TalkPrefill) => void;
  onOpen: (talk: Talk) => void;
}

const REQUIREMENTS: TalkRequirement[] = ['committeePairs', 'committeeMember', 'memberMember'];
const SETTING_OF = {
  committeePairs: 'talkCommitteePairs',
  committeeMember: 'talkCommitteeMember',
  memberMember: 'talkMemberMember',
} as const;

/** 每名党员至少与1名支委谈: the reading chosen in 设置, in words. */
function modeLabel(requirement: TalkRequirement, settings: RuleSettings): string {
  const key = SETTING_OF[requirement];
  const info = RULE_SETTING_CHOICES[key];
  // Widened so that one find serves every setting's own choice type.
  return (info.choices as readonly { label: string; value: unknown }[]).find((c) => c.value === settings[key])?.label ?? info.defaultLabel;
}

/**
 * 覆盖情况 of 第十九条 for a year, all from talkCoverage (shared/rules): one card per requirement, the 支委 × 党员
 * matrix, and the pairs still missing. An empty cell or a missing pair opens the form with the pair filled in.
 */
export function CoverageTab({ year, coverage, settings, talks, nameOf, onRecord, onOpen }: CoverageTabProps) {
  const branch = useBranch();
  const matrix = useMemo(() => talkMatrix(coverage, nameOf), [coverage, nameOf]);
  const byRequirement = new Map(coverage.requirements.map((r) => [r.requirement, r]));
  const committeeIds = new Set(coverage.committeeIds);
  const times = `每年不少于${settings.talkMinPerPair}次`;

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={`${SOURCES.talks}：党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次。`}
        description={
          <>
            {year}年已登记谈心谈话 {coverage.talkCount} 次（不含今天以后的日期）。各项按“设置 → 规则设置”中的理解统计，当前为{times}。
          </>
        }
      />

      <Row gutter={[16, 16]}>
        {REQUIREMENTS.map((requirement) => {
          const r = byRequirement.get(requirement);
          const label = TALK_REQUIREMENT_LABELS[requirement];
          return (
            <Col xs={24} md={8} key={requirement}>
              <Card size="small" title={label} aria-label={`${label}覆盖率`} role="region" style={{ height: '100%' }}>
                {r ? (
                  <>
                    {r.required > 0 && (
                      <Progress percent={r.percent} status={r.percent >= 100 ? 'success' : 'normal'} aria-label={`${label}已完成${r.percent}%`} />
                    )}
                    <Typography.Paragraph style={{ margin: '8px 0 4px' }}>{coverageView(r, coverage).text}</Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {modeLabel(requirement, settings)}，{times}。依据：{SOURCES.talks}
                    </Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary">
                    {settings[SETTING_OF[requirement]] === 'off' ? '不检查（已在“设置”中关闭）' : '本支部未登记支委，不适用'}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>

      <Card size="small" title={`${year}年谈心谈话覆盖表（行：支委；列：在册党员，按姓名拼音排序）`}>
        {matrix.rowIds.length === 0 ? (
          <Empty description={<>支部尚未登记支委，请先在<Link to="/settings">设置</Link>中登记支部委员会</>} />
        ) : (
          <div className="talk-matrix-scroll">
            <table className="talk-matrix" aria-label="谈心谈话覆盖表">
              <thead>
                <tr>
                  <th scope="col" className="talk-matrix-corner">
                    支委＼党员
                  </th>
                  {matrix.columnIds.map((id) => (
                    <th scope="col" key={id} className={committeeIds.has(id) ? 'talk-matrix-committee' : undefined}>
                      {nameOf(id)}
                      {committeeIds.has(id) && <span className="talk-matrix-mark">支委</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rowIds.map((rowId) => (
                  <tr key={rowId}>
                    <th scope="row">
                      <span className="talk-matrix-role">{committeeRoleOf(rowId, branch)}</span>
                      {nameOf(rowId)}
                    </th>
                    {matrix.columnIds.map((columnId) => {
                      const value = matrix.cell(rowId, columnId);
                      if (value === 'self') {
                        return <td key={columnId} className="talk-cell-self" />;
                      }
                      const pair = `${nameOf(rowId)}与${nameOf(columnId)}`;
                      if (value) {
                        const talk = talkOfCell(talks, rowId, columnId, value);
                        return (
                          <td key={columnId} className="talk-cell-done">
                            <button type="button" aria-label={`${pair}：${formatDate(value)}`} title={`${pair}：${formatDate(value)}`} onClick={() => talk && onOpen(talk)}>
                              {formatMonthDay(value)}
                            </button>
                          </td>
                        );
                      }
                      return (
                        <td key={columnId} className="talk-cell-empty">
                          <button type="button" aria-label={`记录${pair}的谈话`} title={`${pair}：未谈，点击记录谈话`} onClick={() => onRecord(prefillForPair(rowId, columnId))} />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <MissingList coverage={coverage} settings={settings} nameOf={nameOf} onRecord={onRecord} />
    </Flex>
  );
}

type MissingFilter = TalkRequirement | 'all';

function MissingList({ coverage, settings, nameOf, onRecord }: Pick<CoverageTabProps, 'coverage' | 'settings' | 'nameOf' | 'onRecord'>) {
  const branch = useBranch();
  const [filter, setFilter] = useState<MissingFilter>('all');
  const shown = filter === 'all' ? coverage.missing : coverage.missing.filter((m) => m.requirement === filter);
  const options = [
    { value: 'all' as const, label: `全部（${coverage.missing.length}）` },
    ...coverage.requirements.map((r) => ({
      value: r.requirement,
      label: `${r.label}（${coverage.missing.filter((m) => m.requirement === r.requirement).length}）`,
    })),
  ];
  return (
    <Card size="small" title={`尚未谈话（${coverage.missing.length}项）`} aria-label="尚未谈话" role="region">
      {coverage.missing.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="各项要求均已覆盖" />
      ) : (
        <>
          <Segmented<MissingFilter> options={options} value={filter} onChange={setFilter} style={{ marginBottom: 12 }} aria-label="按要求筛选" />
          <Table<MissingTalk>
            size="small"
            rowKey={(m) => `${m.requirement}|${m.memberId}|${m.otherId ?? ''}`}
            dataSource={shown}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: '要求', dataIndex: 'requirement', width: 150, render: (r: TalkRequirement) => <Tag>{TALK_REQUIREMENT_LABELS[r]}</Tag> },
              { title: '尚未谈话', key: 'who', render: (_v, gap) => describeMissing(gap, nameOf, settings) },
              {
                title: '操作',
                key: 'action',
                width: 110,
                render: (_v, gap) => (
                  <Button size="small" onClick={() => onRecord(prefillForMissing(gap, branch))}>
                    记录谈话
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
