import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Segmented, Select, Switch, Table, Typography } from 'antd';
import type { GetRef } from 'antd';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { partyPostsOf } from '@shared/branch/posts';
import { DEPARTURE_REASONS, MEMBER_CATEGORIES, MEMBER_STATUSES, type Member } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { useMembers } from '../../db';
import { MemberDetailDrawer } from './MemberDetailDrawer';
import { MemberFormDrawer } from './MemberFormDrawer';
import { columnsWidth, currentColumns, fitColumns, historyColumns } from './rosterColumns';
import {
  countRoster,
  EMPTY_FILTERS,
  filterRoster,
  hasActiveFilters,
  NO_GROUP,
  rosterSummary,
  type RosterFilters,
  type RosterView,
} from './rosterFilter';
import './members.css';
import { useTableBodyHeight } from '../../components/useTableBodyHeight';

/** Height of everything on the page above and below the table body. */
const CHROME_HEIGHT = 330;
/** Width beside the table: the menu (180), the page padding (2 × 24) and the table's own scroll bar. */
const CHROME_WIDTH = 180 + 48 + 16;

/** The window's width, followed on resize: the roster shows the columns that fit without sideways scrolling. */
function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

const toOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** 党员花名册: 在册党员 and 历史党员 of the current branch; `/members/<id>` opens one member. */
export function MembersPage() {
  const branch = useBranch();
  const members = useMembers(branch.id);
  const navigate = useNavigate();
  const detailId = useParams()['*'] || undefined;
  const [view, setView] = useState<RosterView>('current');
  // `/members?incomplete=1` (the 工作台's 资料不全 finding) opens with 只看资料不全 on.
  const [search, setSearch] = useSearchParams();
  const incompleteOnly = search.get('incomplete') === '1';
  const [filterState, setFilters] = useState<RosterFilters>(EMPTY_FILTERS);
  const filters = useMemo(() => ({ ...filterState, incompleteOnly }), [filterState, incompleteOnly]);
  const windowWidth = useWindowWidth();
  const [adding, setAdding] = useState(false);
  const [justSavedId, setJustSavedId] = useState<string>();
  const tableRef = useRef<GetRef<typeof Table<Member>>>(null);
  const bodyHeight = useTableBodyHeight(CHROME_HEIGHT);
  // Typing stays responsive with 10,000 members: the filter runs on the deferred query.
  const query = useDeferredValue(filters.query);

  // Another branch has other groups and other members.
  useEffect(() => {
    setFilters(EMPTY_FILTERS);
    setJustSavedId(undefined);
  }, [branch.id]);

  const groupNames = useMemo(() => new Map(branch.partyGroups.map((g) => [g.id, g.name])), [branch.partyGroups]);
  const all = members ?? [];
  const counts = useMemo(() => countRoster(members ?? []), [members]);
  const rows = useMemo(() => filterRoster(members ?? [], view, { ...filters, query }), [members, view, filters, query]);
  const columns = useMemo(
    () => fitColumns(view === 'current' ? currentColumns(groupNames, partyPostsOf(branch)) : historyColumns(groupNames), windowWidth - CHROME_WIDTH),
    [view, groupNames, branch, windowWidth],
  );
  const filtered = hasActiveFilters(filters);

  // A member just added is scrolled into view once the live query has it.
  useEffect(() => {
    if (justSavedId && rows.some((m) => m.id === justSavedId)) {
      tableRef.current?.scrollTo({ key: justSavedId });
    }
  }, [justSavedId, rows]);

  // The filter in the address stays while a member is open, so a completed record leaves the list on return.
  const searchText = search.toString() ? `?${search.toString()}` : '';
  const openMember = (id: string) => void navigate(`/members/${id}${searchText}`);
  const setFilter = (patch: Partial<RosterFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const setIncompleteOnly = (on: boolean) =>
    setSearch(
      (params) => {
        const next = new URLSearchParams(params);
        if (on) {
          next.set('incomplete', '1');
        } else {
          next.delete('incomplete');
        }
        return next;
      },
      { replace: true },
    );
  const clearFilters = () => {
    setFilters(EMPTY_FILTERS);
    setIncompleteOnly(false);
  };

  return (
    <div>
      <Flex align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          党员花名册
        </Typography.Title>
        <Segmented<RosterView>
          aria-label="花名册范围"
          value={view}
          onChange={setView}
          options={[
            { value: 'current', label: '在册党员' },
            { value: 'history', label: '历史党员' },
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} style={{ marginLeft: 'auto' }} onClick={() => setAdding(true)}>
          新增党员
        </Button>
      </Flex>

      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label="搜索党员"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索姓名、拼音首字母或身份证号后几位"
          style={{ width: 320 }}
          value={filters.query}
          onChange={(e) => setFilter({ query: e.target.value })}
        />
        <Select
          aria-label="按党员类别筛选"
          allowClear
          placeholder="全部党员类别"
          style={{ width: 150 }}
          value={filters.category}
          onChange={(category) => setFilter({ category })}
          options={toOptions(MEMBER_CATEGORIES)}
        />
        <Select
          aria-label="按党小组筛选"
          allowClear
          placeholder="全部党小组"
          style={{ width: 150 }}
          value={filters.partyGroupId}
          onChange={(partyGroupId) => setFilter({ partyGroupId })}
          options={[...branch.partyGroups.map((g) => ({ value: g.id, label: g.name })), { value: NO_GROUP, label: '未分党小组' }]}
        />
        {view === 'current' ? (
          <Select
            aria-label="按党员状态筛选"
            allowClear
            placeholder="全部党员状态"
            style={{ width: 150 }}
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            options={toOptions(MEMBER_STATUSES)}
          />
        ) : (
          <Select
            aria-label="按离开原因筛选"
            allowClear
            placeholder="全部离开原因"
            style={{ width: 150 }}
            value={filters.departureReason}
            onChange={(departureReason) => setFilter({ departureReason })}
            options={toOptions(DEPARTURE_REASONS)}
          />
        )}
        <Flex align="center" gap={6}>
          <Switch id="roster-incomplete-only" size="small" checked={incompleteOnly} onChange={setIncompleteOnly} />
          <label htmlFor="roster-incomplete-only" className="member-switch-label">
            只看资料不全
          </label>
        </Flex>
        {filtered && <Button onClick={clearFilters}>清除筛选</Button>}
      </Flex>

      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} aria-live="polite">
        {members ? rosterSummary(counts, view, rows.length, filtered) : '正在读取花名册…'}
      </Typography.Paragraph>

      <Table<Member>
        ref={tableRef}
        virtual
        size="middle"
        rowKey="id"
        loading={!members}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: columnsWidth(columns), y: bodyHeight }}
        rowClassName={(m) => (m.id === justSavedId ? 'member-row member-row-new' : 'member-row')}
        onRow={(m) => ({
          onClick: () => openMember(m.id),
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              openMember(m.id);
            }
          },
          tabIndex: 0,
        })}
        locale={{
          emptyText: filtered
            ? '没有符合条件的党员'
            : view === 'current'
              ? '还没有在册党员，点击“新增党员”开始登记'
              : '没有历史党员：党员转出、去世等离开后会列在这里',
        }}
      />

      <MemberFormDrawer
        open={adding}
        members={all}
        onClose={() => setAdding(false)}
        onSaved={(m) => {
          setView('current');
          setJustSavedId(m.id);
        }}
      />
      <MemberDetailDrawer memberId={detailId} members={all} onClose={() => navigate(`/members${searchText}`)} />
    </div>
  );
}
