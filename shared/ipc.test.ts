import { describe, expect, it } from 'vitest';
import {
  API_CHANNELS,
  bytesSchema,
  IPC_CHANNELS,
  ipcContract,
  isIpcChannel,
  isSafeFileName,
  MAX_FILE_NAME_LENGTH,
  sanitizeFileName,
  saveFilePayloadSchema,
  openFilesPayloadSchema,
  backupWritePayloadSchema,
  appInfoSchema,
  MAX_STREAM_CHUNK_BYTES,
  saveStreamOpenPayloadSchema,
  saveStreamOpenResultSchema,
  saveStreamWritePayloadSchema,
} from './ipc';

describe('isSafeFileName', () => {
  it.each(['台账.xlsx', '2024年 一季度 党员名册.xlsx', 'backup-2024-05-01T10-00-00.zip', 'a', 'con-tracts.txt'])(
    'accepts %s',
    (name) => {
      expect(isSafeFileName(name)).toBe(true);
    },
  );

  it.each([
    '',
    '.',
    '..',
    '../secret',
    '..\\secret',
    'a/b.xlsx',
    'a\\b.xlsx',
    'C:evil',
    '/etc/passwd',
    '.hidden',
    'trailing.',
    'trailing ',
    ' leading',
    'nul\u0000byte',
    'CON',
    'nul.txt',
    'com1.xlsx',
    'LPT9',
    'what?.xlsx',
    'a'.repeat(MAX_FILE_NAME_LENGTH + 1),
  ])('rejects %j', (name) => {
    expect(isSafeFileName(name)).toBe(false);
  });
});

describe('sanitizeFileName', () => {
  it('turns any name into a safe one', () => {
    const inputs = ['2024/一季度.xlsx', '..', '', '   ', 'CON', 'a:b*c?.docx', '.env', 'x'.repeat(400) + '.xlsx', '名册. '];
    for (const input of inputs) {
      expect(isSafeFileName(sanitizeFileName(input)), input).toBe(true);
    }
  });

  it('keeps good names and the extension of long ones', () => {
    expect(sanitizeFileName('党员名册.xlsx')).toBe('党员名册.xlsx');
    expect(sanitizeFileName('2024/一季度.xlsx')).toBe('2024_一季度.xlsx');
    expect(sanitizeFileName('')).toBe('未命名');
    const long = sanitizeFileName('x'.repeat(400) + '.xlsx');
    expect(long.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.xlsx')).toBe(true);
  });
});

describe('bytesSchema', () => {
  it('accepts Uint8Array and Buffer', () => {
    expect(bytesSchema.safeParse(new Uint8Array([1, 2])).success).toBe(true);
    expect(bytesSchema.safeParse(Buffer.from('台账')).success).toBe(true);
  });

  it.each([[new ArrayBuffer(2)], [[1, 2]], ['abc'], [null], [new Uint16Array(2)], [{ 0: 1, length: 1 }]])(
    'rejects %o',
    (value) => {
      expect(bytesSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe('payload schemas', () => {
  it('accept well-formed payloads', () => {
    expect(
      saveFilePayloadSchema.safeParse({
        suggestedName: '名册.xlsx',
        data: new Uint8Array(1),
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      }).success,
    ).toBe(true);
    expect(openFilesPayloadSchema.safeParse({}).success).toBe(true);
    expect(openFilesPayloadSchema.safeParse({ multiple: true, filters: [{ name: '所有文件', extensions: ['*'] }] }).success).toBe(
      true,
    );
    expect(backupWritePayloadSchema.safeParse({ name: '备份.json', data: new Uint8Array() }).success).toBe(true);
  });

  it('reject unknown keys, paths and bad filters', () => {
    expect(saveFilePayloadSchema.safeParse({ suggestedName: 'a.xlsx', data: new Uint8Array(), path: '/tmp/x' }).success).toBe(
      false,
    );
    expect(saveFilePayloadSchema.safeParse({ suggestedName: '../a.xlsx', data: new Uint8Array() }).success).toBe(false);
    expect(openFilesPayloadSchema.safeParse({ filters: [{ name: 'x', extensions: ['.xlsx'] }] }).success).toBe(false);
    expect(openFilesPayloadSchema.safeParse({ defaultPath: '/etc' }).success).toBe(false);
    expect(backupWritePayloadSchema.safeParse({ name: 'a/b', data: new Uint8Array() }).success).toBe(false);
  });

  it('save streams: random hex handles, chunks up to 64 MB, no path from the renderer', () => {
    const handle = 'a'.repeat(32);
    expect(saveStreamOpenPayloadSchema.safeParse({ suggestedName: '包.zip' }).success).toBe(true);
    expect(saveStreamOpenPayloadSchema.safeParse({ suggestedName: '包.zip', path: '/tmp/包.zip' }).success).toBe(false);
    expect(saveStreamOpenResultSchema.safeParse({ handle: null }).success).toBe(true);
    expect(saveStreamWritePayloadSchema.safeParse({ handle, chunk: new Uint8Array(MAX_STREAM_CHUNK_BYTES) }).success).toBe(true);
    expect(saveStreamWritePayloadSchema.safeParse({ handle, chunk: new Uint8Array(MAX_STREAM_CHUNK_BYTES + 1) }).success).toBe(false);
    expect(saveStreamWritePayloadSchema.safeParse({ handle: 'A'.repeat(32), chunk: new Uint8Array(1) }).success).toBe(false);
    expect(saveStreamWritePayloadSchema.safeParse({ handle: '../../x', chunk: new Uint8Array(1) }).success).toBe(false);
    expect(saveStreamWritePayloadSchema.safeParse({ handle, chunk: new ArrayBuffer(1) }).success).toBe(false);
  });

  it('app info has a fixed shape', () => {
    const info = {
      name: '支部台账',
      version: '0.1.0',
      electron: '45.5.0',
      chrome: '140',
      node: '22',
      platform: 'win32',
      arch: 'x64',
      packaged: true,
      backupDir: 'C:\\x',
    };
    expect(appInfoSchema.parse(info)).toEqual(info);
    expect(appInfoSchema.safeParse({ ...info, secret: 1 }).success).toBe(false);
  });
});

describe('contract', () => {
  it('has a payload and a result schema for every channel', () => {
    expect(IPC_CHANNELS).toEqual([
      'file:save',
      'file:open',
      'file:stream:open',
      'file:stream:write',
      'file:stream:close',
      'file:stream:abort',
      'backup:write', 'backup:list', 'backup:read', 'backup:delete', 'backup:openFolder', 'app:info']);
    for (const channel of IPC_CHANNELS) {
      expect(typeof ipcContract[channel].payload.safeParse).toBe('function');
      expect(typeof ipcContract[channel].result.safeParse).toBe('function');
    }
  });

  it('maps every API function to a distinct channel, covering all channels', () => {
    const channels = Object.values(API_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    expect([...channels].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('knows its channels', () => {
    expect(isIpcChannel('file:save')).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('shell:open')).toBe(false);
  });

  it('payload-less channels take undefined only', () => {
    expect(ipcContract['backup:list'].payload.safeParse(undefined).success).toBe(true);
    expect(ipcContract['app:info'].payload.safeParse({}).success).toBe(false);
  });
});
