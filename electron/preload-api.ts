/**
 * The object behind `window.branchLedger`, built from an injected `invoke` so that it can be tested without
 * Electron. Named functions only: no channel argument and no callback ever reaches the renderer.
 */
import type { BranchLedgerApi, IpcChannel, IpcPayload, IpcResult } from '@shared/ipc';

export type Invoke = <C extends IpcChannel>(channel: C, payload: IpcPayload<C>) => Promise<IpcResult<C>>;

export function createBranchLedgerApi(invoke: Invoke): BranchLedgerApi {
  return {
    saveFile(request) {
      return invoke('file:save', request);
    },
    openFiles(request) {
      return invoke('file:open', request);
    },
    openSaveStream(request) {
      return invoke('file:stream:open', request);
    },
    writeSaveStream(request) {
      return invoke('file:stream:write', request);
    },
    closeSaveStream(request) {
      return invoke('file:stream:close', request);
    },
    abortSaveStream(request) {
      return invoke('file:stream:abort', request);
    },
    writeBackup(request) {
      return invoke('backup:write', request);
    },
    listBackups() {
      return invoke('backup:list', undefined);
    },
    readBackup(request) {
      return invoke('backup:read', request);
    },
    deleteBackup(request) {
      return invoke('backup:delete', request);
    },
    openBackupFolder() {
      return invoke('backup:openFolder', undefined);
    },
    getAppInfo() {
      return invoke('app:info', undefined);
    },
  };
}
