import { DownOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatAttendanceRatio } from '@shared/meetings';
import { formatDate } from '@shared/dates';
import type { Meeting } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { useMembers } from '../../db';
import { useMeetings } from '../../db/meetingHooks';
import { useMeetingTypes } from '../../db/meetingTypes';
import { MeetingCalendar } from './MeetingCalendar';
import { MeetingTypeTags } from './meetingTypeTag';
import { useNameOf } from './people';
import { useTableBodyHeight } from '../../components/useTableBodyHeight';

/** Height of everything on the page above and below the table body. */
const CHROME_HEIGHT = 300;

type View = '列表' | '日历';

const QUICK_TYPES: { label: string; type: string }[] = [
  { label: '新建党员大会', type: '支部党员大会' },
  { label: '新建支委会', type: '支部委员会' },
  { label: '新建党课', type: '党课' },
  { label: '新建主题党日', type: '主题党日' },
];

function yearOptions(): { value: number; label: string }[] {
  const current = dayjs().year();
  return Array.from({ length: 12 }, (_, i) => current + 1 - i).map((y) => ({ value: y, label: `${y}年` }));
}

const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

function wholeNumber(value: string | null, min: number, max: number): number | undefined {
  const number = Number(value);
  return value && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/** `/meetings`: every meeting of the branch, as a virtual table or a month calendar. */
export function MeetingListPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const members = useMembers(branch.id);
  const nameOf = useNameOf(members);
  // 工作台 links here with ?type=&year=&month= to show one cell of its matrix.
  const [searchParams] = useSearchParams();
  const [view, setView] = useState<View>('列表');
  const [type, setType] = useState<string | undefined>(() => searchParams.get('type') ?? undefined);
  const meetingTypes = useMeetingTypes();
  const [year, setYear] = useState<number | undefined>(() => wholeNumber(searchParams.get('year'), 1900, 2999));
  const [month, setMonth] = useState<number | undefined>(() => wholeNumber(searchParams.get('month'), 1, 12));
  // A new link while the list is open (e.g. another 工作台 cell) sets the filters again.
  const linked = searchParams.toString();
  useEffect(() => {
    if (!linked) {
      return;
    }
    const params = new URLSearchParams(linked);
    setType(params.get('type') ?? undefined);
    setYear(wholeNumber(params.get('year'), 1900, 2999));
    setMonth(wholeNumber(params.get('month'), 1, 12));
  }, [linked]);
  const [text, setText] = useState('');
  // Typing stays responsive over 50,000 meetings: the filter runs on the deferred words.
  const query = useDeferredValue(text);
  const [calendarDate, setCalendarDate] = useState<Dayjs>(() => dayjs());
  const bodyHeight = useTableBodyHeight(CHROME_HEIGHT);

  const listed = useMeetings(view === '列表' ? branch.id : undefined, { type, year, month: year ? month : undefined, query });
  const calendarMeetings = useMeetings(view === '日历' ? branch.id : undefined, { type, year: calendarDate.year(), query });

  const columns = useMemo<TableColumnsType<Meeting>>(
    () => [
      { title: '日期', dataIndex: 'startAt', width: 130, render: (v: string) => formatDate(v) },
      { title: '类型', dataIndex: 'type', width: 200, render: (_v, m) => <MeetingTypeTags meeting={m} /> },
      {
        title: '会议名称',
        dataIndex: 'title',
        ellipsis: true,
        render: (title: string, m) => <Link to={`/meetings/${m.id}`}>{title}</Link>,
      },
      { title: '地点', dataIndex: 'location', width: 160, ellipsis: true },
      { title: '主持人', dataIndex: 'hostId', width: 100, render: (id?: string) => nameOf(id) },
      { title: '应到/实到', dataIndex: 'attendance', width: 100, align: 'center', render: (_v, m) => formatAttendanceRatio(m) },
    ],
    [nameOf],
  );

  const groupItems = branch.partyGroups.map((g) => ({ key: g.id, label: g.name }));
  const filtered = Boolean(type || year || text.trim());

  return (
    <div className="meetings-page">
      <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: '0 16px 0 0' }}>
          会议记录
        </Typography.Title>
        {QUICK_TYPES.slice(0, 2).map((q) => (
          <Button key={q.type} icon={<PlusOutlined />} onClick={() => void navigate(`/meetings/new?type=${encodeURIComponent(q.type)}`)}>
            {q.label}
          </Button>
        ))}
        <Dropdown
          disabled={groupItems.length === 0}
          menu={{
            items: groupItems,
            onClick: ({ key }) => void navigate(`/meetings/new?type=${encodeURIComponent('党小组会')}&group=${encodeURIComponent(key)}`),
          }}
        >
          <Button icon={<PlusOutlined />} title={groupItems.length === 0 ? '请先在“设置”中建立党小组' : undefined}>
            新建党小组会 <DownOutlined />
          </Button>
        </Dropdown>
        {QUICK_TYPES.slice(2).map((q) => (
          <Button key={q.type} icon={<PlusOutlined />} onClick={() => void navigate(`/meetings/new?type=${encodeURIComponent(q.type)}`)}>
            {q.label}
          </Button>
        ))}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/meetings/new')}>
          新建会议
        </Button>
      </Flex>

      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<View> options={['列表', '日历']} value={view} onChange={setView} aria-label="显示方式" />
        <Select
          aria-label="类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 150 }}
          value={type}
          onChange={setType}
          options={meetingTypes.map((t) => ({ value: t, label: t }))}
        />
        {view === '列表' && (
          <>
            <Select aria-label="年" placeholder="全部年份" allowClear style={{ width: 120 }} value={year} onChange={setYear} options={yearOptions()} />
            <Select
              aria-label="月"
              placeholder="全部月份"
              allowClear
              disabled={!year}
              style={{ width: 110 }}
              value={year ? month : undefined}
              onChange={setMonth}
              options={MONTH_OPTIONS}
            />
          </>
        )}
        <Input
          aria-label="搜索会议"
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索会议名称、议题、会议内容"
          style={{ width: 280 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {view === '列表' && listed && (
          <Typography.Text type="secondary">
            {filtered ? `找到 ${listed.length} 条` : `共 ${listed.length} 条`}
          </Typography.Text>
        )}
      </Flex>

      {view === '列表' ? (
        <Table<Meeting>
          aria-label="会议记录列表"
          virtual
          size="middle"
          rowKey="id"
          loading={listed === undefined}
          columns={columns}
          dataSource={listed ?? []}
          pagination={false}
          scroll={{ x: 900, y: bodyHeight }}
          locale={{ emptyText: filtered ? '没有符合条件的会议记录' : '还没有会议记录，点击上方按钮新建' }}
          onRow={(m) => ({ onDoubleClick: () => void navigate(`/meetings/${m.id}`) })}
        />
      ) : (
        <MeetingCalendar meetings={calendarMeetings} value={calendarDate} onChange={setCalendarDate} />
      )}
    </div>
  );
}
