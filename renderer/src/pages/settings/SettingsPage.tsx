import { Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useBranch } from '../../components/BranchContext';
import { BranchInfoTab } from './BranchInfoTab';
import { BackupTab } from './BackupTab';
import { BranchManagementTab } from './BranchManagementTab';
import { RuleSettingsTab } from './RuleSettingsTab';
import { MeetingTypesTab } from './MeetingTypesTab';
import { DuesSettingsTab, TrainingSettingsTab } from './KindSettingsTabs';

/** The tabs under their own paths, /settings/<key> (支部信息 is /settings itself). */
const TAB_KEYS = ['branches', 'rules', 'dues', 'training', 'meeting-types', 'backup'] as const;

/** 设置: /settings is 支部信息, /settings/branches is 支部管理, /settings/rules is 规则, /settings/dues 党费规定, /settings/training 学时 (so 工作台 can link to each). */
export function SettingsPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const activeKey = TAB_KEYS.find((key) => pathname.startsWith(`/settings/${key}`)) ?? 'info';

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
          { key: 'dues', label: '党费规定', children: <DuesSettingsTab /> },
          { key: 'training', label: '学时', children: <TrainingSettingsTab /> },
          { key: 'meeting-types', label: '会议类型', children: <MeetingTypesTab /> },
          { key: 'backup', label: '数据备份', children: <BackupTab /> },
        ]}
      />
    </>
  );
}
