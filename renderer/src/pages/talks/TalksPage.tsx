import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { todayIso } from '@shared/dates';
import type { Talk } from '@shared/model';
import { mustTalkItems, talkCoverage, type RuleInput } from '@shared/rules';
import type { TalkPrefill } from '@shared/talks';
import { oneOf } from '@shared/oneOf';
import { useBranch } from '../../components/BranchContext';
import { useMembers } from '../../db';
import { useTalkRuleRecords, useTalks } from '../../db/talkHooks';
import { CoverageTab } from './CoverageTab';
import { MustTalkTab } from './MustTalkTab';
import { useNameOf } from './people';
import { TalkDetailDrawer } from './TalkDetailDrawer';
import { TalkFormDrawer } from './TalkFormDrawer';
import { TalkList } from './TalkList';
import './talks.css';

type TabKey = 'list' | 'coverage' | 'mustTalk';
const TAB_KEYS: readonly TabKey[] = ['list', 'coverage', 'mustTalk'];

/** The form drawer: a talk to edit, or a new one with what the button knew. */
type Editing = { talk?: Talk; prefill?: TalkPrefill } | null;

function yearOptions(current: number, chosen: number): { value: number; label: string }[] {
  const years = new Set(Array.from({ length: 10 }, (_, i) => current - i));
  years.add(chosen);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

/**
 * 谈心谈话 (`/talks?tab=…&year=…`): the year's records, the 覆盖情况 of 第十九条 and the 必谈事项, all three
 * opening the same form. Coverage and 必谈 come from shared/rules (talkCoverage, mustTalkItems).
 */
export function TalksPage() {
  const branch = useBranch();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  const year = Number(params.get('year')) || currentYear;
  const tab: TabKey = oneOf(TAB_KEYS, params.get('tab')) ?? 'list';

  const members = useMembers(branch.id);
  const nameOf = useNameOf(members);
  const talks = useTalks(branch.id, year);
  const records = useTalkRuleRecords(branch.id, year);
  const [editing, setEditing] = useState<Editing>(null);
  const [openTalkId, setOpenTalkId] = useState<string>();

  const input = useMemo<RuleInput | undefined>(
    () =>
      members && records
        ? { branch, members, meetings: records.meetings, talks: records.talks, reviews: records.reviews, settings: records.settings, today, year }
        : undefined,
    [branch, members, records, today, year],
  );
  const coverage = useMemo(() => (input ? talkCoverage(input) : undefined), [input]);
  const mustItems = useMemo(() => (input?.settings.mustTalk.enabled ? mustTalkItems(input) : []), [input]);
  const openMustTalks = mustItems.filter((i) => i.status !== 'done').length;

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const record = useCallback((prefill?: TalkPrefill) => setEditing({ prefill }), []);
  const openTalk = useCallback((talk: Talk) => setOpenTalkId(talk.id), []);

  return (
    <div className="talks-page">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: '0 8px 0 0' }}>
          谈心谈话
        </Typography.Title>
        <Select aria-label="年度" style={{ width: 110 }} value={year} onChange={(y) => setParam('year', String(y))} options={yearOptions(currentYear, year)} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => record()} style={{ marginLeft: 'auto' }}>
          记录谈心谈话
        </Button>
      </Flex>

      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          {
            key: 'list',
            label: '谈话记录',
            children: <TalkList year={year} talks={talks} members={members ?? []} nameOf={nameOf} onOpen={openTalk} />,
          },
          {
            key: 'coverage',
            label: '覆盖情况',
            children:
              coverage && input ? (
                <CoverageTab
                  year={year}
                  coverage={coverage}
                  settings={input.settings}
                  talks={input.talks}
                  nameOf={nameOf}
                  onRecord={record}
                  onOpen={openTalk}
                />
              ) : (
                <Skeleton active />
              ),
          },
          {
            key: 'mustTalk',
            label: (
              <span>
                必谈事项
                {openMustTalks > 0 && <Badge count={openMustTalks} size="small" offset={[6, -2]} />}
              </span>
            ),
            children: input ? (
              <MustTalkTab
                year={year}
                items={mustItems}
                settings={input.settings}
                nameOf={nameOf}
                onRecord={record}
                onOpenTalk={setOpenTalkId}
              />
            ) : (
              <Skeleton active />
            ),
          },
        ]}
      />

      <TalkFormDrawer
        open={editing !== null}
        talk={editing?.talk}
        prefill={editing?.prefill}
        members={members ?? []}
        onClose={() => setEditing(null)}
      />
      <TalkDetailDrawer talkId={openTalkId} nameOf={nameOf} onEdit={(talk) => setEditing({ talk })} onClose={() => setOpenTalkId(undefined)} />
    </div>
  );
}
