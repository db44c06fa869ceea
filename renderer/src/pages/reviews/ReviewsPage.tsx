import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, todayIso } from '@shared/dates';
import { needsDisposal, NOT_GRADED, REVIEW_VOTE_LABELS } from '@shared/model';
import { reviewFindings } from '@shared/rules/reviews';
import { useBranch } from '../../components/BranchContext';
import { FindingList } from '../../components/FindingList';
import { messageOf } from '@shared/errors';
import { useYearParam, YearPageHeader } from '../../components/YearSelect';
import { useMembers } from '../../db';
import { useMeetings } from '../../db/meetingHooks';
import { reviewStore, useReviews, useReviewYear } from '../../db/reviewHooks';
import { ReviewModal } from './ReviewModal';
import { reviewFigures, reviewRows, VOTE_KEYS, type ReviewRow } from './reviewsModel';
import './reviews.css';

const ellipsis = { showTitle: true } as const;

/**
 * `/reviews?year=2025`: 民主评议党员 of a year. Everyone on the roster of the review day, each 正式党员's 等次 (a
 * missing one stands out), the 测评票, feedback and 处置措施; the year's figures and the review rules' findings.
 */
export function ReviewsPage() {
  const branch = useBranch();
  const { message } = App.useApp();
  const today = todayIso();
  const { year, currentYear, setYear } = useYearParam(today);
  const members = useMembers(branch.id);
  const results = useReviews(branch.id, year);
  const reviewYear = useReviewYear(branch.id, year);
  const meetings = useMeetings(branch.id, { year });
  const [editing, setEditing] = useState<string | null>(null);

  const rows = useMemo(
    () => (members && results && reviewYear ? reviewRows(members, results, year, reviewYear.date) : undefined),
    [members, results, reviewYear, year],
  );
  const findings = useMemo(
    () => (members && results && meetings ? reviewFindings({ branch, members, meetings, results, today, year }) : []),
    [branch, members, meetings, results, today, year],
  );
  if (!rows || !members || !reviewYear) {
    return <Skeleton active />;
  }
  const figures = reviewFigures(rows);
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const editingRow = rows.find((r) => r.member.id === editing);

  return (
    <Flex vertical gap={16}>
      <YearPageHeader title="民主评议党员" yearLabel="评议年度" year={year} currentYear={currentYear} onYear={setYear}>
        <Typography.Text type="secondary">
          {reviewYear.meetingId && reviewYear.meetingDate ? (
            <>
              民主评议党员会议：<Link to={`/meetings/${reviewYear.meetingId}`}>{formatDate(reviewYear.meetingDate)}</Link>，按当日党员名单参评
            </>
          ) : (
            `${year}年度尚未召开民主评议党员会议，参评名单按${formatDate(reviewYear.date)}的党员名单`
          )}
        </Typography.Text>
      </YearPageHeader>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2, lg: 5 }}
        aria-label={`${year}年度评议情况`}
        items={[
          { key: 'participants', label: '参评党员', children: `${figures.participants}名（正式党员${figures.graded}名，预备党员${figures.probationary}名）` },
          { key: 'rated', label: '已评定等次', children: `${figures.rated}名` },
          {
            key: 'missing',
            label: '未评定等次',
            children: figures.missing > 0 ? <Typography.Text type={reviewYear.meetingId ? 'danger' : undefined}>{figures.missing}名</Typography.Text> : '无',
          },
          {
            key: 'excellent',
            label: '优秀',
            children: (
              <Typography.Text type={figures.excellent > figures.quota ? 'danger' : undefined}>
                {figures.excellent}名（上限{figures.quota}名）
              </Typography.Text>
            ),
          },
          { key: 'feedback', label: '未反馈', children: figures.notFedBack > 0 ? `${figures.notFedBack}名` : '无' },
        ]}
      />
      <Table<ReviewRow>
        size="small"
        rowKey={(r) => r.member.id}
        aria-label={`${year}年度民主评议党员结果`}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1580 }}
        // Before the year's meeting a missing 等次 is not yet due: listed, not flagged.
        rowClassName={(r) => (r.missing && reviewYear.meetingId ? 'review-row-missing' : '')}
        locale={{ emptyText: `${year}年度没有参评党员` }}
        columns={[
          {
            title: '姓名',
            fixed: 'left',
            width: 130,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.member.name}
                {r.participant && !r.graded && <Tag>预备党员</Tag>}
                {!r.participant && <Tag>不在参评名单</Tag>}
              </Space>
            ),
          },
          {
            title: '支部评定等次',
            width: 110,
            render: (_, r) => (r.missing ? <Tag color={reviewYear.meetingId ? 'red' : undefined}>未评定</Tag> : (r.result?.grade ?? (r.graded ? '' : NOT_GRADED))),
          },
          {
            title: '测评票',
            children: VOTE_KEYS.map((key) => ({
              title: REVIEW_VOTE_LABELS[key],
              key,
              width: 72,
              align: 'right' as const,
              render: (_: unknown, r: ReviewRow) => r.result?.votes[key] ?? '',
            })),
          },
          { title: '个人自评摘要', width: 180, ellipsis, render: (_, r) => r.result?.selfAssessment ?? '' },
          { title: '互评意见', width: 160, ellipsis, render: (_, r) => r.result?.peerOpinion ?? '' },
          { title: '评定依据', width: 180, ellipsis, render: (_, r) => r.result?.basis ?? '' },
          {
            title: '反馈',
            width: 190,
            render: (_, r) =>
              r.result?.feedbackOn ? (
                `${formatDate(r.result.feedbackOn)}${r.result.feedbackById ? ` ${nameOf.get(r.result.feedbackById) ?? ''}` : ''}`
              ) : r.awaitingFeedback ? (
                <Tag color="orange">未反馈</Tag>
              ) : (
                ''
              ),
          },
          {
            title: '处置措施',
            width: 180,
            ellipsis,
            render: (_, r) => (needsDisposal(r.result?.grade) && !r.result?.disposal ? <Tag color="orange">未填写</Tag> : (r.result?.disposal ?? '')),
          },
          {
            title: '操作',
            fixed: 'right',
            width: 120,
            render: (_, { member, result }) => (
              <Space size={0}>
                <Button size="small" type="link" aria-label={`${result ? '编辑' : '录入'}${member.name}的评议结果`} onClick={() => setEditing(member.id)}>
                  {result ? '编辑' : '录入'}
                </Button>
                {result && (
                  <Popconfirm
                    title={`删除${member.name}的${year}年度评议结果？`}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => void reviewStore.remove(result.id).catch((e: unknown) => message.error(`删除失败：${messageOf(e)}`))}
                  >
                    <Button size="small" type="link" danger aria-label={`删除${member.name}的评议结果`}>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title="民主评议检查">
        <FindingList findings={findings} label="民主评议检查结果" empty={`${year}年度民主评议未发现问题。`} />
      </Card>
      {editingRow && (
        <ReviewModal
          branchId={branch.id}
          year={year}
          row={editingRow}
          meeting={reviewYear.meetingId && reviewYear.meetingDate ? { id: reviewYear.meetingId, date: reviewYear.meetingDate } : undefined}
          members={members}
          excellentOthers={rows.filter((r) => r.result?.grade === '优秀' && r.member.id !== editingRow.member.id).length}
          quota={figures.quota}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
