import { Flex, Select, Tag } from 'antd';
import type { ImportAction, PlannedRow } from '@shared/imports';
import { showValue, type ConflictChoice } from './previewModel';

const ACTION_COLORS: Record<ImportAction, string> = { 新增: 'green', 更新: 'blue', 跳过: 'default', 冲突: 'red' };

const small = { fontSize: 12 } as const;

export interface RowActionProps {
  /** The row as planned (a 冲突 keeps its resolver even after the user chose). */
  planned: PlannedRow;
  /** The row with the user's choice applied. */
  plan: PlannedRow;
  choice: ConflictChoice | undefined;
  currentBranchId: string;
  branchNames: ReadonlyMap<string, string>;
  onChoose: (choice: ConflictChoice | undefined) => void;
}

/** Where a roster row goes when it is not the current branch: another branch, or one the import creates. */
function targetText(plan: PlannedRow, currentBranchId: string, branchNames: ReadonlyMap<string, string>): string | undefined {
  if ('newBranchName' in plan.target) {
    return `新建支部“${plan.target.newBranchName}”`;
  }
  if (plan.target.branchId !== currentBranchId) {
    return `导入到“${branchNames.get(plan.target.branchId) ?? '其他支部'}”`;
  }
  return undefined;
}

/** What importing a row does: 新增 / 更新 with each change / 跳过 / 冲突 with its reason and a way to settle it. */
export function RowAction({ planned, plan, choice, currentBranchId, branchNames, onChoose }: RowActionProps) {
  if (plan.blocked) {
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color="red">有错误</Tag>
        </span>
        {plan.reason && <span style={small}>{plan.reason}</span>}
      </Flex>
    );
  }
  const target = targetText(plan, currentBranchId, branchNames);
  const conflictOptions =
    planned.action === '冲突'
      ? [
          ...(planned.candidates ?? []).map((c) => ({ value: c.id, label: `更新“${c.label}”` })),
          { value: 'new', label: '作为新记录导入' },
          { value: 'skip', label: '跳过此行' },
        ]
      : [];
  return (
    <Flex vertical gap={2} data-testid="row-action">
      <span>
        <Tag color={ACTION_COLORS[plan.action]}>{plan.action}</Tag>
        {target && <span style={small}>{target}</span>}
      </span>
      {plan.action === '更新' &&
        (plan.changes ?? []).map((change) => (
          <span key={change.field} style={small}>
            {change.label}：{showValue(change.before) || '（空）'} → {showValue(change.after) || '（空）'}
          </span>
        ))}
      {plan.reason && <span style={{ ...small, color: plan.action === '冲突' ? '#cf1322' : undefined }}>{plan.reason}</span>}
      {planned.action === '冲突' && (
        <Select
          size="small"
          aria-label={`处理第${plan.rowNumber}行的冲突`}
          placeholder="选择处理方式"
          style={{ width: 200 }}
          value={choice}
          allowClear
          options={conflictOptions}
          onChange={(value: string | undefined) => onChoose(value)}
        />
      )}
    </Flex>
  );
}
