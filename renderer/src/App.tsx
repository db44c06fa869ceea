import { Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { useCurrentBranch } from './db';
import { WelcomePage } from './pages/welcome/WelcomePage';

export function App() {
  const branch = useCurrentBranch();
  if (branch === undefined) {
    return <Spin fullscreen description="正在打开台账…" />;
  }
  if (branch === null) {
    return <WelcomePage />;
  }
  return <AppLayout branch={branch} />;
}
