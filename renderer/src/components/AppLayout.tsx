import { Layout, Menu, Space, Tag, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Branch } from '@shared/model';
import { MODULES } from '../modules';
import { BranchContext } from './BranchContext';
import { BranchSwitcher } from './BranchSwitcher';
import { PageErrorBoundary } from './PageErrorBoundary';

export function AppLayout({ branch }: { branch: Branch }) {
  const navigate = useNavigate();
  const location = useLocation();
  const selected = MODULES.filter((m) => m.path === '/' ? location.pathname === '/' : location.pathname.startsWith(m.path)).map((m) => m.path);
  return (
    <BranchContext.Provider value={branch}>
      <Layout style={{ height: '100%' }}>
        <Layout.Header className="no-print" style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#c8161d', paddingInline: 24 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            支部台账
          </Typography.Title>
          <Space style={{ marginLeft: 'auto' }}>
            {branch.isDemo && <Tag color="orange">示例数据</Tag>}
            <BranchSwitcher current={branch} />
          </Space>
        </Layout.Header>
        <Layout style={{ minHeight: 0 }}>
          <Layout.Sider className="no-print" width={180} theme="light">
            <Menu
              mode="inline"
              aria-label="主菜单"
              selectedKeys={selected}
              onClick={({ key }) => navigate(key)}
              items={MODULES.map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
              style={{ height: '100%' }}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
            <PageErrorBoundary resetKey={location.pathname}>
              <Routes>
                {MODULES.map((m) => (
                  <Route key={m.path} path={m.path === '/' ? '/' : `${m.path}/*`} element={m.element} />
                ))}
              </Routes>
            </PageErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </BranchContext.Provider>
  );
}
