import { Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useBranch } from '../../components/BranchContext';
import { BranchInfoTab } from './BranchInfoTab';
import { BackupTab } from './BackupTab';
import { BranchManagementTab } from './BranchManagementTab';
import { RuleSettingsTab } from './RuleSettingsTab';
import { MeetingTypesTab } from './MeetingTypesTab';

/** 设置: /settings is 支部信息, /settings/branches is 支部管理, /settings/rules is 规则 (so 工作台 can link to each). */
export function SettingsPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const activeKey = pathname.startsWith('/settings/branches') ? 'branches' : pathname.startsWith('/settings/rules') ? 'rules' : pathname.startsWith('/settings/backup') ? 'backup' : pathname.startsWith('/settings/meeting-types') ? 'meeting-types' : 'info';

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        设置
      </Typography.Title>
      <Tabs
        activeKey={activeKey}
        onChange={(key) => void navigate(key === 'info' ? '/settings' : `/settings/${key}`)}
        items={[
          // Keyed by branch: switching branches starts the form afresh from that branch's data.
          { key: 'info', label: '支部信息', children: <BranchInfoTab key={branch.id} branch={branch} /> },
          { key: 'branches', label: '支部管理', children: <BranchManagementTab current={branch} /> },
          { key: 'rules', label: '规则', children: <RuleSettingsTab /> },
          { key: 'meeting-types', label: '会议类型', children: <MeetingTypesTab /> },
          { key: 'backup', label: '数据备份', children: <BackupTab /> },
        ]}
      />
    </>
  );
}
