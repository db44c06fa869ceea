import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from '@shared/ledgers';
import { buildPreview, previewCounts, rowKey, rowsToWrite } from './previewModel';

const FIXTURE = new URL('../../../../shared/ledgers/fixtures/党员花名册.xlsx', import.meta.url);

describe('import preview of the sample roster', () => {
  it('plans every row as 新增 into an empty branch; excluded rows are not written', async () => {
    const result = await readLedgerFile('党员花名册.xlsx', new Uint8Array(readFileSync(FIXTURE)), { today: '2026-11-27' });
    const preview = buildPreview(result, [], { id: 'b1', partyGroups: [] }, '2026-11-27');
    expect(previewCounts(preview)).toEqual({ 新增: 24, 更新: 0, 跳过: 0, 冲突: 0, 有错误: 0 });
    expect(rowsToWrite(preview, new Set([rowKey(0, 4)]))).toHaveLength(23);
  });
});
