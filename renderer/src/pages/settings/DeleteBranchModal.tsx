import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Branch } from '@shared/model';
import { branchStore } from '../../db';
import { failureMessage } from '../../components/formProblems';

interface DeleteBranchModalProps {
  branch: Branch | null;
  memberCount: number | undefined;
  onClose: () => void;
}

/** Deleting a branch removes every record it holds: the user types its name to show he means this one. */
export function DeleteBranchModal({ branch, memberCount, onClose }: DeleteBranchModalProps) {
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const { message } = App.useApp();
  const matches = branch !== null && typed.trim() === branch.name;

  async function remove() {
    if (!branch || !matches) {
      return;
    }
    setDeleting(true);
    try {
      await branchStore.remove(branch.id);
      message.success(`已删除 ${branch.name}`);
      onClose();
    } catch (error) {
      message.error(failureMessage('删除支部', error));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Modal
      title="删除支部"
      open={branch !== null}
      okText="永久删除"
      okButtonProps={{ danger: true, disabled: !matches, loading: deleting }}
      onOk={() => void remove()}
      onCancel={onClose}
      afterClose={() => setTyped('')}
      destroyOnHidden
    >
      {branch && (
        <>
          <Typography.Paragraph>
            将永久删除 <Typography.Text strong>{branch.name}</Typography.Text>
            {memberCount ? `，连同其 ${memberCount} 名党员` : ''}及全部会议、谈话、整改等记录和附件。删除后无法恢复。
          </Typography.Paragraph>
          <Typography.Paragraph>请输入支部全称以确认：</Typography.Paragraph>
          <Input
            aria-label="输入支部全称以确认删除"
            placeholder={branch.name}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onPressEnter={() => void remove()}
            autoFocus
          />
        </>
      )}
    </Modal>
  );
}
