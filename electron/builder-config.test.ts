import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Deep imports: app-builder-lib does not export validateConfiguration from its index.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Target {
  target: string;
  arch: string[];
}

// A plain object, typed loosely: the test reads what electron-builder will read.
const config = require('../electron-builder.config.cjs') as Record<string, any>;

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: an unknown key is rejected', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false)),
      // electron-builder reports nested mistakes by section, not by key.
    ).rejects.toThrow(/configuration\.nsis/);
  });

  it('packages only the built app', () => {
    expect(config.appId).toBe('cn.branchledger.app');
    expect(config.productName).toBe('支部台账');
    expect(config.files).toEqual(['dist/renderer/**', 'dist-electron/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(config.publish).toBeNull();
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a Chinese per-user NSIS installer and a portable exe for x64', () => {
    expect(config.win.target as Target[]).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.win.target.map((target: Target) => target.target)).not.toContain('nsis-web');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds .deb packages for x64 and arm64', () => {
    expect(config.linux.target as Target[]).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.synopsis).toMatch(/[\u4e00-\u9fff]/);
  });

  it('takes electronDist from ELECTRON_DIST only when it is set', () => {
    const configPath = require.resolve('../electron-builder.config.cjs');
    const saved = process.env.ELECTRON_DIST;
    try {
      process.env.ELECTRON_DIST = '/opt/electron-45';
      delete require.cache[configPath];
      expect(require(configPath).electronDist).toBe('/opt/electron-45');
      delete process.env.ELECTRON_DIST;
      delete require.cache[configPath];
      expect(require(configPath)).not.toHaveProperty('electronDist');
    } finally {
      if (saved === undefined) {
        delete process.env.ELECTRON_DIST;
      } else {
        process.env.ELECTRON_DIST = saved;
      }
      delete require.cache[configPath];
    }
  });

  it('keeps runtime dependencies empty (main and preload are bundled)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys((pkg.dependencies as Record<string, string> | undefined) ?? {})).toEqual([]);
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });

  it('has real icons', () => {
    expect(pngSize('build/icon.png')).toEqual({ width: 512, height: 512 });
    expect(pngSize('build/icons/256x256.png')).toEqual({ width: 256, height: 256 });
    const ico = readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
  });
});
