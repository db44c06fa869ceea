import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime, formatTimeRange, formatVotes, meetingCounts, NO_ATTENDANCE_LIST } from '@shared/meetings';
import type { Meeting, Member } from '@shared/model';
import type { QuorumResult } from '@shared/rules/quorum';
import { useBranch } from '../../components/BranchContext';
import { failureMessage } from '../../components/formProblems';
import { useMembers } from '../../db';
import { meetingStore, useMeeting, useMeetingHistory, useRuleSettings } from '../../db/meetingHooks';
import { MeetingAttachments } from './Attachments';
import { MeetingTypeTags } from './meetingTypeTag';
import { useNameOf } from './people';
import { CreditHoursButton } from '../training/CreditHoursButton';
import { ReviewResultsLink } from '../reviews/ReviewResultsLink';
import { downloadMinutes, useMeetingFacts, type MeetingFacts } from './useMinutes';

function Verdict({ ok, yes, no }: { ok: boolean | null; yes: string; no: string }) {
  if (ok === null) {
    return <Tag>无法判断</Tag>;
  }
  return ok ? <Tag color="success">{yes}</Tag> : <Tag color="error">{no}</Tag>;
}

/** 有表决权 / 到会 / 通过 of a 党员大会 or 支委会, each with its article. */
function VotingCard({ quorum, meeting }: { quorum: QuorumResult; meeting: Meeting }) {
  if (quorum.kind !== 'partyCongress' && quorum.kind !== 'committee') {
    return null;
  }
  const congress = quorum.kind === 'partyCongress';
  return (
    <Card title="到会与表决" size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={congress ? '有表决权党员应到' : '委员应到'}>
          {quorum.votingExpected} 人{congress && !quorum.countsOnly && <Typography.Text type="secondary">（正式党员；预备党员无表决权）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={congress ? '有表决权党员实到' : '委员实到'}>{quorum.votingPresent} 人</Descriptions.Item>
        <Descriptions.Item label="到会人数">
          <Space wrap>
            {quorum.quorumNeeded !== null && `须至少 ${quorum.quorumNeeded} 人`}
            <Verdict ok={quorum.quorumMet} yes={congress ? '超过半数，可以表决' : '超过半数，会议有效'} no="未达到规定人数" />
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {quorum.countsOnly && `按台账人数核对（${NO_ATTENDANCE_LIST}）。`}依据：{quorum.source}
      </Typography.Paragraph>
      {quorum.resolutions.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          header={<b>决议表决结果</b>}
          dataSource={quorum.resolutions}
          renderItem={(r, index) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <span>
                  {index + 1}. {r.text}
                </span>
                <Space wrap>
                  <span>{formatVotes(meeting.resolutions[index]) || '未记录票数'}</span>
                  {r.votesNeeded !== null && <span>赞成须至少 {r.votesNeeded} 票</span>}
                  <Verdict ok={r.passed} yes="通过" no="未通过" />
                  <Typography.Text type="secondary">{quorum.source}</Typography.Text>
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function Paragraphs({ text }: { text?: string }) {
  return (
    <>
      {(text ?? '')
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>
            {p}
          </Typography.Paragraph>
        ))}
    </>
  );
}

function DetailBody({ meeting, facts, members }: { meeting: Meeting; facts: MeetingFacts; members: Member[] }) {
  const branch = useBranch();
  const nameOf = useNameOf(members);
  const history = useMeetingHistory(meeting.id);
  const counts = meetingCounts(meeting);
  const countsOnly = counts?.source === 'headcount';
  const names = (state: '出席' | '请假' | '缺席') =>
    meeting.attendance
      .filter((a) => a.state === state)
      .map((a) => (a.reason ? `${nameOf(a.memberId)}（${a.reason}）` : nameOf(a.memberId)))
      .join('、') || '无';
  const group = branch.partyGroups.find((g) => g.id === meeting.partyGroupId);

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="会议类型">
            <MeetingTypeTags meeting={meeting} />
          </Descriptions.Item>
          <Descriptions.Item label="时间">{formatTimeRange(meeting.startAt, meeting.endAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">{meeting.location}</Descriptions.Item>
          {group && <Descriptions.Item label="党小组">{group.name}</Descriptions.Item>}
          <Descriptions.Item label="主持人">{nameOf(meeting.hostId)}</Descriptions.Item>
          <Descriptions.Item label="记录人">{nameOf(meeting.recorderId)}</Descriptions.Item>
          <Descriptions.Item label="应到">{counts ? `${counts.expected} 人` : '未登记'}</Descriptions.Item>
          <Descriptions.Item label="实到">{counts ? `${counts.present} 人` : '未登记'}</Descriptions.Item>
          {countsOnly ? (
            <>
              <Descriptions.Item label="请假">{meeting.headcount?.onLeave !== undefined ? `${meeting.headcount.onLeave} 人` : '未记录'}</Descriptions.Item>
              <Descriptions.Item label="缺席">{counts.absent} 人</Descriptions.Item>
              <Descriptions.Item label="出席人员" span={2}>
                <Tag color="orange">{NO_ATTENDANCE_LIST}</Tag>
                <Typography.Text type="secondary">台账只记了人数；如需登记名单，请点“编辑”。</Typography.Text>
              </Descriptions.Item>
            </>
          ) : (
            <>
              <Descriptions.Item label="缺席">
                {counts ? `${counts.absent} 人` : '未登记'}
                {counts && counts.onLeave > 0 && `（其中请假 ${counts.onLeave} 人）`}
              </Descriptions.Item>
              <Descriptions.Item label="出席人员" span={2}>
                {names('出席')}
              </Descriptions.Item>
              <Descriptions.Item label="请假人员">{names('请假')}</Descriptions.Item>
              <Descriptions.Item label="缺席人员">{names('缺席')}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label="列席人员" span={2}>
            {meeting.attendees || '无'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <VotingCard quorum={facts.quorum} meeting={meeting} />

      <Card title="议题与会议内容" size="small" style={{ marginBottom: 16 }}>
        {meeting.topics.length > 0 && (
          <>
            <Typography.Title level={5}>议题</Typography.Title>
            <ol>
              {meeting.topics.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ol>
          </>
        )}
        {meeting.studyContent && (
          <>
            <Typography.Title level={5}>学习内容</Typography.Title>
            <Paragraphs text={meeting.studyContent} />
          </>
        )}
        {(meeting.speeches ?? []).length > 0 && (
          <>
            <Typography.Title level={5}>发言摘要</Typography.Title>
            {meeting.speeches.map((s, i) => (
              <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>
                <b>{s.speakerId ? nameOf(s.speakerId) : s.speakerName}：</b>
                {s.text}
              </Typography.Paragraph>
            ))}
          </>
        )}
        {meeting.content && (
          <>
            <Typography.Title level={5}>会议内容</Typography.Title>
            <Paragraphs text={meeting.content} />
          </>
        )}
        {!meeting.topics.length && !meeting.studyContent && !meeting.speeches?.length && !meeting.content && (
          <Empty description="尚未记录会议内容" />
        )}
      </Card>

      {meeting.resolutions.length > 0 && facts.quorum.kind !== 'partyCongress' && facts.quorum.kind !== 'committee' && (
        <Card title="决议" size="small" style={{ marginBottom: 16 }}>
          <ol>
            {meeting.resolutions.map((r, i) => (
              <li key={i}>
                {r.text} {formatVotes(r) && <Typography.Text type="secondary">（{formatVotes(r)}）</Typography.Text>}
              </li>
            ))}
          </ol>
        </Card>
      )}

      <Card title="附件" size="small" style={{ marginBottom: 16 }}>
        <MeetingAttachments meetingId={meeting.id} />
      </Card>

      <Card title="修改记录" size="small">
        <Timeline
          items={(history ?? []).map((h) => ({
            children: (
              <span>
                {formatDateTime(h.at)} {h.actor}：{h.summary}
              </span>
            ),
          }))}
        />
      </Card>
    </>
  );
}

/** `/meetings/:id`: the record with its computed attendance, quorum and votes. */
export function MeetingDetailPage() {
  const { id } = useParams();
  const branch = useBranch();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meeting = useMeeting(id);
  const members = useMembers(branch.id);
  const settings = useRuleSettings();
  const facts = useMeetingFacts(meeting, members, branch, settings);
  const [downloading, setDownloading] = useState(false);

  if (meeting === null) {
    return <Result status="404" title="该会议记录不存在或已被删除" extra={<Button onClick={() => void navigate('/meetings')}>返回会议记录</Button>} />;
  }
  if (!meeting || !facts) {
    return <Spin />;
  }

  async function download(m: Meeting, f: MeetingFacts) {
    setDownloading(true);
    try {
      await downloadMinutes(m, f.minutes);
    } catch (error) {
      message.error(failureMessage('生成Word文档', error));
    } finally {
      setDownloading(false);
    }
  }

  async function remove(m: Meeting) {
    try {
      await meetingStore.remove(m.id);
      message.success('已删除该会议记录');
      void navigate('/meetings', { replace: true });
    } catch (error) {
      message.error(failureMessage('删除', error));
    }
  }

  return (
    <div className="meeting-detail">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/meetings')}>
          会议记录
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {meeting.title}
        </Typography.Title>
        <Space style={{ marginLeft: 'auto' }} wrap>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/meetings/${meeting.id}/edit`)}>
            编辑
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/meetings/${meeting.id}/print`)}>
            打印预览
          </Button>
          <Button icon={<FileWordOutlined />} loading={downloading} onClick={() => void download(meeting, facts)}>
            下载Word
          </Button>
          <Button onClick={() => void navigate(`/rectifications/new?from=meetings&id=${meeting.id}`)}>生成整改任务</Button>
          <CreditHoursButton meeting={meeting} />
          <ReviewResultsLink meeting={meeting} />
          <Popconfirm
            title="删除这条会议记录？"
            description="附件一并删除；修改记录中保留被删除的内容。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void remove(meeting)}
          >
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
      <DetailBody meeting={meeting} facts={facts} members={members ?? []} />
    </div>
  );
}
