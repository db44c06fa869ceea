import { Button, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { formatDate } from '@shared/dates';
import { TALK_KINDS, TALK_RELATIONS, type Member, type Talk, type TalkKind, type TalkRelation } from '@shared/model';
import { filterTalks, relationsOfTalk } from '@shared/talks';
import { useBranch } from '../../components/BranchContext';
import { namesOf, personOptions, personSearch, type NameOf } from './people';

interface TalkListProps {
  year: number;
  talks: Talk[] | undefined;
  members: readonly Member[];
  nameOf: NameOf;
  onOpen: (talk: Talk) => void;
}

const RELATION_COLOR: Record<TalkRelation, string> = { '支委—支委': 'red', '支委—党员': 'volcano', '党员—党员': 'blue' };

/** The talks of a year, filtered by 谈话类型, 谈话人 and 关系; a row opens the record. */
export function TalkList({ year, talks, members, nameOf, onOpen }: TalkListProps) {
  const branch = useBranch();
  const [kind, setKind] = useState<TalkKind>();
  const [talkerId, setTalkerId] = useState<string>();
  const [relation, setRelation] = useState<TalkRelation>();

  const shown = useMemo(() => (talks ? filterTalks(talks, { kind, talkerId, relation }, branch) : undefined), [talks, kind, talkerId, relation, branch]);
  // Everyone who talked this year, the ones who left included.
  const talkers = useMemo(() => personOptions(members, branch, (talks ?? []).map((t) => t.talkerId)), [members, branch, talks]);
  const filtered = Boolean(kind || talkerId || relation);

  const columns = useMemo<TableColumnsType<Talk>>(
    () => [
      {
        title: '谈话时间',
        dataIndex: 'date',
        width: 140,
        render: (date: string, talk) => (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={(e) => {
              // The row opens it too: once is enough.
              e.stopPropagation();
              onOpen(talk);
            }}
          >
            {formatDate(date)}
          </Button>
        ),
      },
      { title: '谈话人', dataIndex: 'talkerId', width: 110, render: (id: string) => nameOf(id) },
      { title: '谈话对象', dataIndex: 'intervieweeIds', ellipsis: true, render: (ids: string[]) => namesOf(ids, nameOf, 6) },
      {
        title: '关系',
        key: 'relation',
        width: 190,
        render: (_v, talk) => {
          const relations = relationsOfTalk(talk, branch);
          return relations.length > 0 ? relations.map((r) => <Tag key={r} color={RELATION_COLOR[r]}>{r}</Tag>) : '—';
        },
      },
      { title: '谈话类型', dataIndex: 'kind', width: 120 },
      { title: '形式', dataIndex: 'form', width: 70 },
      { title: '地点', dataIndex: 'location', width: 160, ellipsis: true },
    ],
    [nameOf, branch, onOpen],
  );

  return (
    <>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<TalkKind>
          aria-label="谈话类型"
          placeholder="全部谈话类型"
          allowClear
          style={{ width: 150 }}
          value={kind}
          onChange={setKind}
          options={TALK_KINDS.map((k) => ({ value: k, label: k }))}
        />
        <Select
          aria-label="谈话人"
          placeholder="全部谈话人"
          allowClear
          showSearch={personSearch}
          style={{ width: 170 }}
          value={talkerId}
          onChange={setTalkerId}
          options={talkers}
        />
        <Select<TalkRelation>
          aria-label="关系"
          placeholder="全部关系"
          allowClear
          style={{ width: 140 }}
          value={relation}
          onChange={setRelation}
          options={TALK_RELATIONS.map((r) => ({ value: r, label: r }))}
        />
        {shown && (
          <Typography.Text type="secondary">
            {filtered ? `找到 ${shown.length} 条` : `${year}年共 ${shown.length} 条`}
          </Typography.Text>
        )}
      </Flex>
      <Table<Talk>
        aria-label="谈心谈话列表"
        size="middle"
        rowKey="id"
        loading={shown === undefined}
        columns={columns}
        dataSource={shown ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 900 }}
        rowClassName={() => 'talk-row'}
        locale={{ emptyText: filtered ? '没有符合条件的谈话记录' : `${year}年还没有谈心谈话记录，点击“记录谈话”新增` }}
        onRow={(talk) => ({ onClick: () => onOpen(talk) })}
      />
    </>
  );
}
