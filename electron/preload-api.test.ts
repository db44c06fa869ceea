import { describe, expect, it, vi } from 'vitest';
import { API_CHANNELS, IPC_CHANNELS, type BranchLedgerApi } from '@shared/ipc';
import { createBranchLedgerApi, type Invoke } from './preload-api';

describe('createBranchLedgerApi', () => {
  it('exposes only named functions, one per channel', () => {
    const api = createBranchLedgerApi(vi.fn());
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_CHANNELS).sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
    }
  });

  it('calls each function’s channel with the payload only', async () => {
    const invoke = vi.fn(async () => 'result');
    const api = createBranchLedgerApi(invoke as unknown as Invoke);
    const payload = { name: 'x.json' };
    const seen = new Set<string>();
    for (const [method, channel] of Object.entries(API_CHANNELS)) {
      invoke.mockClear();
      const call = api[method as keyof BranchLedgerApi] as (payload?: unknown) => Promise<unknown>;
      await expect(call(payload)).resolves.toBe('result');
      expect(invoke).toHaveBeenCalledTimes(1);
      const [usedChannel, usedPayload] = invoke.mock.calls[0] as unknown as [string, unknown];
      expect(usedChannel).toBe(channel);
      // Payload-less functions send nothing the renderer passed in.
      expect(usedPayload).toBe(['listBackups', 'openBackupFolder', 'getAppInfo'].includes(method) ? undefined : payload);
      seen.add(usedChannel);
    }
    expect([...seen].sort()).toEqual([...IPC_CHANNELS].sort());
  });
});
