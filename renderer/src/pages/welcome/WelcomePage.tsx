import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { branchStore } from '../../db';
import { CreateBranchModal } from '../settings/CreateBranchModal';
import { RestoreBackupButton } from '../settings/RestoreBackupButton';
import { failureMessage } from '../../components/formProblems';

/**
 * First run: no branch yet. Creating one or loading the demo makes it current, and App switches to the ledger
 * by itself (useCurrentBranch is live); we only make sure it opens on 工作台, not on the page (e.g. 设置) where
 * the last branch was removed.
 */
export function WelcomePage() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname !== '/') {
      void navigate('/', { replace: true });
    }
  }, [pathname, navigate]);
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);

  async function loadDemo() {
    setLoadingDemo(true);
    try {
      await branchStore.loadDemo();
      message.success('已加载示例数据');
    } catch (error) {
      message.error(failureMessage('加载示例数据', error));
      setLoadingDemo(false);
    }
  }

  return (
    <Flex className="welcome-page" justify="center" align="center" style={{ minHeight: '100vh', padding: 24, background: '#f5f5f5', boxSizing: 'border-box' }}>
      <Card style={{ maxWidth: 640, width: '100%' }} styles={{ body: { padding: 40 } }}>
        <main aria-labelledby="welcome-title">
          <Typography.Title id="welcome-title" level={2} style={{ color: '#c8161d', marginTop: 0 }}>
            欢迎使用支部台账
          </Typography.Title>
          <Typography.Paragraph>
            支部台账帮助支部书记管理党员花名册、支部委员会和党小组，按时提醒换届和预备党员转正。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            所有数据只保存在这台电脑上，不联网上传。
          </Typography.Paragraph>
          <Flex gap={16} wrap style={{ marginTop: 32 }}>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              创建支部
            </Button>
            <Button size="large" icon={<ExperimentOutlined />} loading={loadingDemo} onClick={() => void loadDemo()}>
              加载示例数据
            </Button>
            <RestoreBackupButton size="large" />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            想先看看效果？示例数据是一个虚构的机关党支部，处处标有“示例”，随时可在“设置 → 支部管理”中一键移除，不影响您自己的支部。
          </Typography.Paragraph>
        </main>
      </Card>
      <CreateBranchModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
