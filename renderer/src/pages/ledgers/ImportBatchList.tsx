import { App, Button, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ImportBatch } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { importStore, useImportBatches } from '../../db/importHooks';
import { messageOf } from '@shared/errors';

const TABLE_NOUNS: Record<string, string> = {
  members: '名党员',
  meetings: '条会议记录',
  talks: '条谈话记录',
  analyses: '条思想动态分析',
  rectifications: '条整改问题',
  branches: '个支部',
};

function countByTable(items: readonly { table: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(item.table, (counts.get(item.table) ?? 0) + 1);
  }
  return [...counts].map(([table, n]) => `${n} ${TABLE_NOUNS[table] ?? `条${table}记录`}`);
}

/** `新增 23 名党员、4 条会议记录，更新 1 名党员` (or 无改动). */
export function batchSummary(batch: Pick<ImportBatch, 'added' | 'replaced'>): string {
  const added = countByTable(batch.added);
  const replaced = countByTable(batch.replaced);
  const parts = [added.length ? `新增 ${added.join('、')}` : '', replaced.length ? `更新 ${replaced.join('、')}` : ''];
  return parts.filter(Boolean).join('，') || '无改动';
}

/** 导入记录: the branch's imports, newest first, each with 撤销本次导入 until it is undone. */
export function ImportBatchList() {
  const branch = useBranch();
  const batches = useImportBatches(branch.id);
  const { modal, message } = App.useApp();

  function undo(batch: ImportBatch) {
    modal.confirm({
      title: '撤销本次导入',
      content: `本次导入${batchSummary(batch)}。撤销将删除新增的记录，并把更新过的记录恢复为导入前的内容。`,
      okText: '撤销导入',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await importStore.undo(batch.id);
          message.success('已撤销本次导入');
        } catch (error) {
          modal.error({ title: '无法撤销', content: messageOf(error) });
        }
      },
    });
  }

  return (
    <Card size="small" title="导入记录">
      <Table<ImportBatch>
        size="small"
        rowKey="id"
        loading={batches === undefined}
        dataSource={batches ?? []}
        pagination={false}
        locale={{ emptyText: '还没有导入过' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => dayjs(at).format('YYYY年M月D日 HH:mm') },
          { title: '文件', dataIndex: 'fileName' },
          { title: '内容', key: 'counts', render: (_, b) => batchSummary(b) },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_, b) =>
              b.undoneAt ? <Tag>已撤销（{dayjs(b.undoneAt).format('M月D日 HH:mm')}）</Tag> : <Tag color="green">已导入</Tag>,
          },
          {
            title: '操作',
            key: 'op',
            width: 140,
            render: (_, b) =>
              b.undoneAt ? null : (
                <Button size="small" danger onClick={() => undo(b)}>
                  撤销本次导入
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
