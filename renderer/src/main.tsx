import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { BACKUP_EXTENSION } from '@shared/backup';
import { App } from './App';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { UnsavedChangesProvider } from './components/unsavedChanges';
import { openAppDatabase } from './db/backupHooks';
import { platform } from './platform';
import './styles.css';

dayjs.locale('zh-cn');

// Users who ask their system for less motion get none: no zooming dialogs or sliding dropdowns (the e2e tests
// ask for it too, so no click lands on an element still moving).
const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// Ask the browser not to evict the ledger's IndexedDB under storage pressure; the answer is logged for IT staff.
platform
  .requestPersistentStorage()
  .then((persisted) => console.info(`[支部台账] 持久存储 navigator.storage.persist(): ${persisted ? '已授予' : '未授予'}`))
  .catch((error: unknown) => console.warn('[支部台账] 持久存储请求失败', error));

// A data router, so that a form with changes can block leaving (useBlocker); the modules' own <Routes> sit below.
const router = createHashRouter([
  {
    path: '*',
    element: (
      <PageErrorBoundary scope="app">
        <UnsavedChangesProvider>
          <App />
        </UnsavedChangesProvider>
      </PageErrorBoundary>
    ),
  },
]);

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* Default blue primary: a red one makes every focused input look like an error. No space inserted into
          two-character buttons (保存, not 保 存), so the accessible names are the words users read. */}
      <ConfigProvider locale={zhCN} theme={{ token: { borderRadius: 4, motion: !reduceMotion } }} button={{ autoInsertSpace: false }}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

// Nothing reads the database before this: an older installed schema is backed up before Dexie upgrades it. In a
// browser there is no folder, and the backup is offered as a download.
void openAppDatabase(platform.backupFolder)
  .then(async (backup) => {
    if (backup && !backup.savedToFolder) {
      await platform.saveFile({ suggestedName: backup.name, data: backup.bytes, filters: [{ name: '支部台账备份', extensions: [BACKUP_EXTENSION] }] });
    }
  })
  .catch((error: unknown) => console.warn('[支部台账] 升级前备份未能提供下载', error))
  .finally(render);
