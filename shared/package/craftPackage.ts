/**
 * Hostile 检查材料包 for tests and the bench: any entries (crafted by shared/zip/craft.ts: traversal names,
 * repeated blocks, lying sizes) and a version-1 manifest listing whatever the caller says, hashes included.
 */
import { craftZip, utf8Bytes, type CraftedEntry } from '../zip/craft';
import { PACKAGE_FORMAT, PACKAGE_MANIFEST_ENTRY, type PackageFileEntry } from './manifest';

export function craftPackage(entries: readonly CraftedEntry[], listed: readonly PackageFileEntry[]): Uint8Array {
  const manifest = {
    format: PACKAGE_FORMAT,
    version: 1,
    appVersion: '0.1.0',
    branch: { id: 'b1', name: '第一支部' },
    period: { start: '2025-01-01', end: '2025-12-31', label: '2025年度' },
    generatedAt: '2026-01-05T09:00:00+08:00',
    options: { masked: false, includeAttention: false },
    counts: { members: 0, meetings: 0, talks: 0, analyses: 0, analysisEntries: 0, rectifications: 0, attachments: 0, findings: 0 },
    files: listed,
  };
  return craftZip([...entries, { name: PACKAGE_MANIFEST_ENTRY, bytes: utf8Bytes(JSON.stringify(manifest)) }]);
}
