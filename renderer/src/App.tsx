import { Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { AppLayout } from './components/AppLayout';
import { useCurrentBranch } from './db';
import { useDailyBackup } from './db/backupHooks';
import { preloadModules } from './modules';
import { platform } from './platform';

// Shown once, before the first branch exists: its code need not be in the first bundle.
const WelcomePage = lazy(() => import('./pages/welcome/WelcomePage').then((m) => ({ default: m.WelcomePage })));

export function App() {
  // In Electron: once a day at start, a backup into the app's backup folder (rotated). No folder in a browser.
  useDailyBackup(platform.backupFolder);
  const branch = useCurrentBranch();
  const hasBranch = Boolean(branch);
  useEffect(() => {
    if (hasBranch) {
      preloadModules();
    }
  }, [hasBranch]);
  if (branch === undefined) {
    return <Spin fullscreen description="正在打开台账…" />;
  }
  if (branch === null) {
    return (
      <Suspense fallback={<Spin fullscreen description="正在打开台账…" />}>
        <WelcomePage />
      </Suspense>
    );
  }
  return <AppLayout branch={branch} />;
}
