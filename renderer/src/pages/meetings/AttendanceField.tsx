import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { attendanceCounts } from '@shared/meetings';
import { ATTENDANCE_STATES, type Attendance, type Member } from '@shared/model';
import { oneOf } from '@shared/oneOf';
import { personOptions, personSearch } from './people';

interface AttendanceFieldProps {
  value?: Attendance[];
  onChange?: (value: Attendance[]) => void;
  members: readonly Member[];
  id?: string;
}

/** 出席情况: every expected member with 出席 / 请假 / 缺席 and the reason; people can be added or removed. */
export function AttendanceField({ value = [], onChange, members, id }: AttendanceFieldProps) {
  const byId = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);
  const counts = attendanceCounts(value);
  const listed = new Set(value.map((a) => a.memberId));
  const addable = personOptions(members).filter((o) => !listed.has(o.value));

  const update = (memberId: string, patch: Partial<Attendance>) =>
    onChange?.(value.map((a) => (a.memberId === memberId ? { ...a, ...patch } : a)));

  return (
    <div id={id} role="group" aria-label="出席情况">
      <Flex align="center" gap={16} wrap style={{ marginBottom: 8 }}>
        <Typography.Text aria-label="出席统计">
          应到 <b>{counts.expected}</b> 人，实到 <b>{counts.present}</b> 人，缺席 <b>{counts.absent}</b> 人
          {counts.onLeave > 0 && `（其中请假 ${counts.onLeave} 人）`}
        </Typography.Text>
        <Space>
          <Button size="small" onClick={() => onChange?.(value.map((a) => ({ memberId: a.memberId, state: '出席' })))}>
            全部出席
          </Button>
          <Select
            size="small"
            aria-label="增加应到人员"
            placeholder="增加应到人员"
            style={{ width: 160 }}
            value={null}
            options={addable}
            showSearch={personSearch}
            onChange={(memberId: string) => onChange?.([...value, { memberId, state: '出席' }])}
          />
        </Space>
      </Flex>
      <Table<Attendance>
        size="small"
        rowKey="memberId"
        pagination={false}
        dataSource={value}
        scroll={value.length > 15 ? { y: 420 } : undefined}
        columns={[
          { title: '序号', width: 56, render: (_v, _r, index) => index + 1 },
          {
            title: '姓名',
            dataIndex: 'memberId',
            width: 140,
            render: (memberId: string) => {
              const member = byId.get(memberId);
              return (
                <Space size={4}>
                  {member?.name ?? '（已删除的人员）'}
                  {member?.category === '预备党员' && <Tag color="gold">预备</Tag>}
                </Space>
              );
            },
          },
          {
            title: '出席情况',
            dataIndex: 'state',
            width: 220,
            render: (state: Attendance['state'], row) => (
              <Radio.Group
                aria-label={`${byId.get(row.memberId)?.name ?? ''} 出席情况`}
                // One native radio group per person (the Form.Item would otherwise give all of them one name).
                name={`attendance-${row.memberId}`}
                value={state}
                options={ATTENDANCE_STATES.map((s) => ({ value: s, label: s }))}
                onChange={(e) => {
                  const next = oneOf(ATTENDANCE_STATES, e.target.value);
                  if (next) {
                    update(row.memberId, { state: next, reason: next === '出席' ? undefined : row.reason });
                  }
                }}
              />
            ),
          },
          {
            title: '原因',
            dataIndex: 'reason',
            render: (reason: string | undefined, row) => (
              <Input
                size="small"
                aria-label={`${byId.get(row.memberId)?.name ?? ''} 原因`}
                placeholder={row.state === '出席' ? '' : row.state === '请假' ? '请假原因，如：出差' : '缺席原因'}
                disabled={row.state === '出席'}
                value={reason ?? ''}
                onChange={(e) => update(row.memberId, { reason: e.target.value })}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_v, row) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`从应到人员中移除 ${byId.get(row.memberId)?.name ?? ''}`}
                title="不计入应到人员（如经批准不计入的长期外出党员）"
                onClick={() => onChange?.(value.filter((a) => a.memberId !== row.memberId))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
