import { Select, Space, Tag } from 'antd';
import type { Branch } from '@shared/model';
import { branchStore, useBranches } from '../db';
import { useConfirmLeaveAll } from './unsavedChanges';

/** The header's branch switcher: a 机关党委 secretary keeps many branches. */
export function BranchSwitcher({ current }: { current: Branch }) {
  const branches = useBranches() ?? [current];
  // Another branch replaces every open form: changes are not thrown away without asking.
  const confirmLeaveAll = useConfirmLeaveAll();
  return (
    <Select
      aria-label="当前支部"
      value={current.id}
      style={{ minWidth: 320 }}
      onChange={(id) => confirmLeaveAll(() => void branchStore.setCurrent(id))}
      options={branches.map((b) => ({
        value: b.id,
        label: (
          <Space size={4}>
            {b.name}
            {b.isDemo && <Tag color="orange">示例</Tag>}
          </Space>
        ),
      }))}
    />
  );
}
