import { App, Button, Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ImportBatch } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { importStore, useImportBatches } from '../../db/importHooks';

/** 导入记录: the branch's imports, newest first, each with 撤销本次导入 until it is undone. */
export function ImportBatchList() {
  const branch = useBranch();
  const batches = useImportBatches(branch.id);
  const { modal, message } = App.useApp();

  function undo(batch: ImportBatch) {
    modal.confirm({
      title: '撤销本次导入',
      content: `将删除本次导入新增的 ${batch.added.length} 名党员，并把更新过的 ${batch.replaced.length} 名党员恢复为导入前的信息。`,
      okText: '撤销导入',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await importStore.undo(batch.id);
          message.success('已撤销本次导入');
        } catch (error) {
          modal.error({ title: '无法撤销', content: error instanceof Error ? error.message : String(error) });
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
          { title: '内容', key: 'counts', render: (_, b) => `新增 ${b.added.length} 人，更新 ${b.replaced.length} 人` },
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
