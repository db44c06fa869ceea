// The verify and demo-package commands run in-process, writing into a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_EXIT_FAILED, PACKAGE_EXIT_OK, PACKAGE_EXIT_USAGE, runDemoPackage, runVerify } from './package';

const TODAY = '2025-11-14';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: typeof runVerify, ...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    today: () => TODAY,
  });
  return { code, stdout, stderr };
}

let dir: string;
let zip: string;
let made: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-package-'));
  zip = join(dir, '示例_2025年度_党建台账.zip');
  made = await run(runDemoPackage, '--out', zip, '--year', '2025');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo-package', () => {
  it('writes the demo branch as a package and says what it holds', () => {
    expect(made.stderr).toBe('');
    expect(made.code).toBe(PACKAGE_EXIT_OK);
    expect(made.stdout).toContain(`已生成示例检查材料包：${zip}`);
    expect(made.stdout).toContain('期间：2025年度');
    expect(made.stdout).toMatch(/党员 25，/);
    expect(existsSync(`${zip}.partial`)).toBe(false);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(zip))));
    expect(names.filter((n) => n.endsWith('.png')).length).toBeGreaterThan(0);
    expect(names.some((n) => n.startsWith('整改佐证/'))).toBe(true);
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(zip)))['manifest.json']));
    expect(manifest.appVersion).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('refuses missing or wrong arguments with exit code 2, and an unwritable path with 1', async () => {
    expect(await run(runDemoPackage)).toMatchObject({ code: PACKAGE_EXIT_USAGE, stderr: expect.stringContaining('--out') });
    expect(await run(runDemoPackage, '--out', zip, '--year', '2099')).toMatchObject({ code: PACKAGE_EXIT_USAGE, stderr: expect.stringContaining('--year') });
    expect(await run(runDemoPackage, '--out', zip, '--bogus')).toMatchObject({ code: PACKAGE_EXIT_USAGE, stderr: expect.stringContaining('未知选项：--bogus') });
    const nowhere = join(dir, 'no-such-folder', 'a.zip');
    expect(await run(runDemoPackage, '--out', nowhere)).toMatchObject({ code: PACKAGE_EXIT_FAILED, stderr: expect.stringContaining('所在文件夹不存在') });
  }, 60_000);
});

describe('verify', () => {
  it('says an intact package is intact (exit 0), in Chinese or as JSON', async () => {
    const text = await run(runVerify, zip);
    expect(text.code).toBe(PACKAGE_EXIT_OK);
    expect(text.stdout).toContain('结论：与包内清单一致');
    expect(text.stdout).toContain('期间：2025年度（2025年1月1日至2025年12月31日）');
    const json = await run(runVerify, zip, '--json');
    expect(json.code).toBe(PACKAGE_EXIT_OK);
    const result = JSON.parse(json.stdout);
    expect(Object.keys(result).sort()).toEqual(['branch', 'counts', 'fingerprint', 'ok', 'period', 'problems']);
    expect(result).toMatchObject({ ok: true, problems: [], period: { label: '2025年度' } });
    expect(result.counts.members).toBe(25);
  });

  it('names an altered file and exits 1', async () => {
    const bytes = new Uint8Array(readFileSync(zip));
    const entries = unzipSync(bytes);
    const photoName = Object.keys(entries).find((n) => n.endsWith('会议现场.png')) as string;
    const photo = entries[photoName];
    // The photo is stored as is: find its bytes in the package and flip one.
    const probe = photo.subarray(200, 240);
    const at = Buffer.from(bytes).indexOf(Buffer.from(probe));
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] ^= 0x10;
    const altered = join(dir, 'altered.zip');
    writeFileSync(altered, bytes);
    const text = await run(runVerify, altered);
    expect(text.code).toBe(PACKAGE_EXIT_FAILED);
    expect(text.stdout).toContain(`[被改动] ${photoName}`);
    const json = JSON.parse((await run(runVerify, altered, '--json')).stdout);
    expect(json.ok).toBe(false);
    expect(json.problems).toEqual([{ path: photoName, kind: 'altered', message: expect.any(String) }]);
  });

  it('exits 1 with a message for a missing file or one that is not a package, and 2 for bad arguments', async () => {
    const missing = await run(runVerify, join(dir, 'nothing.zip'));
    expect(missing).toMatchObject({ code: PACKAGE_EXIT_FAILED, stdout: '', stderr: expect.stringContaining('文件不存在') });
    const text = join(dir, 'note.zip');
    writeFileSync(text, '这不是压缩包，只是一段文字而已，长度足够二十二个字节');
    const notZip = await run(runVerify, text);
    expect(notZip.code).toBe(PACKAGE_EXIT_FAILED);
    expect(notZip.stdout).toContain('[无法核验] 这不是检查材料包（不是 zip 格式）');
    expect(await run(runVerify)).toMatchObject({ code: PACKAGE_EXIT_USAGE, stderr: expect.stringContaining('请指定要核验的检查材料包') });
    expect(await run(runVerify, '--help')).toMatchObject({ code: PACKAGE_EXIT_OK, stdout: expect.stringContaining('verify <材料包.zip> [--json]') });
    expect(await run(runDemoPackage, '-h')).toMatchObject({ code: PACKAGE_EXIT_OK, stdout: expect.stringContaining('demo-package --out') });
    expect(await run(runVerify, zip, '--yaml')).toMatchObject({ code: PACKAGE_EXIT_USAGE, stderr: expect.stringContaining('未知选项：--yaml') });
  });
});
