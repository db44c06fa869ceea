import { Alert, Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '@shared/dates';
import { MUST_TALK_TRIGGERS, SOURCES, type MustTalkItem, type MustTalkStatus, type RuleSettings } from '@shared/rules';
import { prefillForMustTalk, type TalkPrefill } from '@shared/talks';
import { useBranch } from '../../components/BranchContext';
import type { NameOf } from './people';

interface MustTalkTabProps {
  year: number;
  items: MustTalkItem[];
  settings: RuleSettings;
  nameOf: NameOf;
  onRecord: (prefill: TalkPrefill) => void;
  onOpenTalk: (talkId: string) => void;
}

const STATUS: Record<MustTalkStatus, { label: string; color: string }> = {
  overdue: { label: '该谈未谈', color: 'red' },
  pending: { label: '待谈', color: 'orange' },
  done: { label: '已谈', color: 'green' },
};

/** 必谈事项 (六必谈) of the year from the talk.mustTalk rule: what is still to be talked, each with 记录谈话. */
export function MustTalkTab({ year, items, settings, nameOf, onRecord, onOpenTalk }: MustTalkTabProps) {
  const branch = useBranch();
  const [showDone, setShowDone] = useState(false);
  const open = items.filter((i) => i.status !== 'done');
  const shown = showDone ? items : open;

  if (!settings.mustTalk.enabled) {
    return <Alert type="info" showIcon title="必谈情形（六必谈）检查已在“设置 → 规则设置”中关闭" />;
  }
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        被接收为预备党员、转为正式党员、受到处分后进行教育谈话，组织关系转入后进行交流谈话，民主评议党员后进行年度总结谈话；
        发生后{settings.mustTalk.graceDays}天内为“待谈”，逾期为“该谈未谈”。依据：{SOURCES.mustTalk}
      </Typography.Paragraph>
      <Flex align="center" gap={8}>
        <Typography.Text>
          {year}年必谈事项 {items.length} 项，尚未谈话 {open.length} 项
        </Typography.Text>
        <Switch size="small" checked={showDone} onChange={setShowDone} aria-label="显示已谈事项" />
        <Typography.Text type="secondary">显示已谈事项</Typography.Text>
      </Flex>
      <Table<MustTalkItem>
        aria-label="必谈事项列表"
        size="middle"
        rowKey={(i) => `${i.memberId}|${i.trigger}|${i.triggerDate}`}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: `${year}年没有尚未谈话的必谈事项` }}
        columns={[
          { title: '党员', dataIndex: 'memberId', width: 110, render: (id: string) => nameOf(id) },
          { title: '情形', dataIndex: 'trigger', render: (t: MustTalkItem['trigger']) => MUST_TALK_TRIGGERS[t].label },
          { title: '发生日期', dataIndex: 'triggerDate', width: 140, render: (d: string) => formatDate(d) },
          { title: '应谈期限', dataIndex: 'dueBy', width: 140, render: (d: string) => formatDate(d) },
          { title: '谈话类型', dataIndex: 'kind', width: 120 },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: MustTalkStatus) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
          {
            title: '操作',
            key: 'action',
            width: 110,
            render: (_v, item) =>
              item.status === 'done' && item.talkId ? (
                <Button size="small" type="link" onClick={() => onOpenTalk(item.talkId!)}>
                  查看谈话
                </Button>
              ) : item.fedBackOn ? (
                // Closed by the 民主评议 result's 反馈日期 (no talk recorded): when it was fed back.
                <Typography.Text type="secondary">
                  已反馈
                  <br />
                  {formatDate(item.fedBackOn)}
                </Typography.Text>
              ) : (
                <Button size="small" type="primary" ghost onClick={() => onRecord(prefillForMustTalk(item, branch))}>
                  记录谈话
                </Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}

