import { Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { useCurrentBranch } from './db';
import { useDailyBackup } from './db/backupHooks';
import { platform } from './platform';
import { WelcomePage } from './pages/welcome/WelcomePage';

export function App() {
  // In Electron: once a day at start, a backup into the app's backup folder (rotated). No folder in a browser.
  useDailyBackup(platform.backupFolder);
  const branch = useCurrentBranch();
  if (branch === undefined) {
    return <Spin fullscreen description="正在打开台账…" />;
  }
  if (branch === null) {
    return <WelcomePage />;
  }
  return <AppLayout branch={branch} />;
}
