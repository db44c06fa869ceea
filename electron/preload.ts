/**
 * Sandboxed preload, bundled into one file (a sandboxed preload cannot require our modules).
 * Exposes named functions only; ipcRenderer itself never reaches the page.
 * Only types come from shared/ipc, so zod stays out of the preload bundle: main validates.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BRIDGE_NAME } from '@shared/ipc';
import { createBranchLedgerApi } from './preload-api';

// Typed against the contract's constant, so a rename there fails to compile here.
const bridgeName: typeof BRIDGE_NAME = 'branchLedger';

contextBridge.exposeInMainWorld(
  bridgeName,
  createBranchLedgerApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
