import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Tooltip, Typography } from 'antd';
import { isActiveMember, type Member } from '@shared/model';
import type { BranchFormValues } from './branchFormValues';
import { memberOptions, memberSearch } from './memberOptions';

type GroupRow = BranchFormValues['partyGroups'][number];

const GROUP_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 党小组 (支部条例 第十三条): optional; 组长 is usually one of the group, but the branch may appoint anyone. */
export function PartyGroupsSection({ members }: { members: readonly Member[] }) {
  const form = Form.useFormInstance<BranchFormValues>();
  const rows: GroupRow[] = Form.useWatch('partyGroups', form) ?? [];
  const active = members.filter(isActiveMember);
  const countOf = (groupId: string | undefined) => active.filter((m) => m.partyGroupId === groupId).length;
  const knownGroups = new Set(rows.map((r) => r?.id));
  const ungrouped = active.filter((m) => !m.partyGroupId || !knownGroups.has(m.partyGroupId)).length;

  function leaderOptions(row: GroupRow | undefined) {
    const all = memberOptions(members, { keep: [row?.leaderId] });
    const inGroup = new Set(members.filter((m) => m.partyGroupId && m.partyGroupId === row?.id).map((m) => m.id));
    const own = all.filter((o) => inGroup.has(o.value));
    const others = all.filter((o) => !inGroup.has(o.value));
    return own.length > 0
      ? [
          { label: '本小组党员', title: '本小组党员', options: own },
          { label: '其他党员', title: '其他党员', options: others },
        ]
      : others;
  }

  return (
    <section aria-labelledby="groups-title">
      <Typography.Title id="groups-title" level={5}>
        党小组
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        党员人数较多或者分散的支部可以划分党小组；党员编入哪个党小组在党员花名册中填写。
      </Typography.Paragraph>
      <Form.List
        name="partyGroups"
        rules={[
          {
            validator: async (_, value: GroupRow[] = []) => {
              const names = value.map((g) => g?.name?.trim()).filter(Boolean);
              if (new Set(names).size !== names.length) {
                throw new Error('党小组名称不能重复');
              }
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <div role="list" aria-label="党小组">
              {fields.map((field, index) => {
                const row = rows[index];
                const count = countOf(row?.id);
                return (
                  <Flex key={field.key} gap={8} align="start" role="listitem" wrap>
                    <Form.Item name={[field.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: '请填写党小组名称' }]}
                      style={{ width: 200 }}
                    >
                      <Input aria-label={`第${index + 1}个党小组的名称`} placeholder="如：第一党小组" maxLength={30} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'leaderId']} style={{ width: 240 }}>
                      <Select
                        aria-label={`第${index + 1}个党小组的组长`}
                        placeholder="组长"
                        allowClear
                        options={leaderOptions(row)}
                        showSearch={memberSearch}
                        notFoundContent="花名册中没有找到"
                      />
                    </Form.Item>
                    <Typography.Text type="secondary" style={{ lineHeight: '32px', minWidth: 64 }}>
                      党员 {count} 人
                    </Typography.Text>
                    <Tooltip title={count > 0 ? `该小组还有 ${count} 名党员，请先在党员花名册中把他们调到其他党小组` : undefined}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除党小组 ${row?.name ?? ''}`.trim()}
                        disabled={count > 0}
                        onClick={() => remove(field.name)}
                      />
                    </Tooltip>
                  </Flex>
                );
              })}
            </div>
            {fields.length === 0 && <Typography.Paragraph type="secondary">尚未设立党小组。</Typography.Paragraph>}
            <Form.ErrorList errors={errors} />
            <Flex gap={16} align="center" style={{ marginTop: 8 }}>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const taken = new Set(rows.map((r) => r?.name?.trim()));
                  const name = GROUP_NUMBERS.map((n) => `第${n}党小组`).find((n) => !taken.has(n)) ?? '';
                  add({ id: crypto.randomUUID(), name });
                }}
              >
                添加党小组
              </Button>
              {fields.length > 0 && ungrouped > 0 && <Typography.Text type="secondary">未编入党小组的党员 {ungrouped} 人</Typography.Text>}
            </Flex>
          </>
        )}
      </Form.List>
    </section>
  );
}
