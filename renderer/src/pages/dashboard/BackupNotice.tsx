import { Alert } from 'antd';
import { Link } from 'react-router';
import { reportBackupProblem, useBackupProblem } from '../../db/backupHooks';

/** A failed automatic backup, told on the 工作台 (it used to be only logged): what failed, why, and where to act. */
export function BackupNotice() {
  const problem = useBackupProblem();
  if (!problem) {
    return null;
  }
  return (
    <Alert
      role="alert"
      type="warning"
      showIcon
      closable
      onClose={() => reportBackupProblem(null)}
      style={{ marginBottom: 16 }}
      title={`${problem.what}没有成功`}
      description={
        <>
          原因：{problem.message}。数据本身没有受影响，但今天还没有新的备份。请检查磁盘空间后，到
          <Link to="/settings/backup">设置 › 数据备份</Link>手动备份一次。
        </>
      }
    />
  );
}
