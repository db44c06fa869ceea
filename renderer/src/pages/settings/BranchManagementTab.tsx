import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '@shared/dates';
import type { Branch } from '@shared/model';
import { branchStore, db, useBranches } from '../../db';
import { useActiveMemberCountsByBranch } from '../../db/branchQueries';
import { CreateBranchModal } from './CreateBranchModal';
import { DeleteBranchModal } from './DeleteBranchModal';
import { failureMessage } from '../../components/formProblems';

/** 设置 → 支部管理: a 机关党委 secretary keeps several branches in one ledger. */
export function BranchManagementTab({ current }: { current: Branch }) {
  const branches = useBranches();
  const counts = useActiveMemberCountsByBranch(db);
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Branch | null>(null);

  async function switchTo(branch: Branch) {
    try {
      await branchStore.setCurrent(branch.id);
      message.success(`已切换到 ${branch.name}`);
    } catch (error) {
      message.error(failureMessage('切换支部', error));
    }
  }

  async function removeDemo(branch: Branch) {
    try {
      await branchStore.remove(branch.id);
      message.success('已移除示例数据');
    } catch (error) {
      message.error(failureMessage('移除示例数据', error));
    }
  }

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">本台账中的全部支部。页面顶部可随时切换当前支部。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建支部
        </Button>
      </Flex>
      <Table<Branch>
        rowKey="id"
        loading={branches === undefined}
        dataSource={branches ?? []}
        pagination={false}
        aria-label="支部列表"
        columns={[
          {
            title: '支部全称',
            dataIndex: 'name',
            render: (name: string, branch) => (
              <Space size={4} wrap>
                <Typography.Text strong={branch.id === current.id}>{name}</Typography.Text>
                {branch.isDemo && <Tag color="orange">示例</Tag>}
                {branch.id === current.id && <Tag color="red">当前</Tag>}
              </Space>
            ),
          },
          { title: '上级党组织', dataIndex: 'parentOrganisation' },
          { title: '组织类别', dataIndex: 'category', width: 120 },
          { title: '成立日期', dataIndex: 'foundedOn', width: 140, render: (value?: string) => formatDate(value) },
          {
            title: '党员',
            key: 'members',
            width: 90,
            align: 'right',
            render: (_, branch) => (counts ? `${counts.get(branch.id) ?? 0} 人` : ''),
          },
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_, branch) => (
              <Space size={0} wrap>
                <Button type="link" disabled={branch.id === current.id} onClick={() => void switchTo(branch)} aria-label={`切换到 ${branch.name}`}>
                  切换
                </Button>
                {branch.isDemo ? (
                  <Popconfirm
                    title="移除示例数据？"
                    description="将删除这个示例支部及其全部示例记录，您自己的支部不受影响。"
                    okText="移除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => removeDemo(branch)}
                  >
                    <Button type="link" danger>
                      移除示例数据
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" danger onClick={() => setDeleting(branch)} aria-label={`删除 ${branch.name}`}>
                    删除
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateBranchModal open={creating} onClose={() => setCreating(false)} />
      <DeleteBranchModal branch={deleting} memberCount={deleting ? counts?.get(deleting.id) : undefined} onClose={() => setDeleting(null)} />
    </>
  );
}
