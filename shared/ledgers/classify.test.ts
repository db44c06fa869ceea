import { describe, expect, it } from 'vitest';
import { demoDataset, TEST_OPTIONS, TEST_TODAY } from '../exports/testData';
import { buildLedgerWorkbook } from '../exports/workbook';
import { encodeUtf8 } from '../text/encoding';
import { readLedgerFile } from './index';

const csv = (text: string) => readLedgerFile('表.csv', encodeUtf8(text), { today: TEST_TODAY });

describe('a near miss needs headers that say what the sheet is about', () => {
  it('the 三会一课 export’s 类型×月份 (1月…12月, 合计) is no ledger, not a 党费 sheet missing 姓名', async () => {
    const bytes = await buildLedgerWorkbook('meetings', demoDataset(), TEST_OPTIONS);
    const result = await readLedgerFile('02_三会一课台账.xlsx', bytes, { today: TEST_TODAY });
    expect(result.sheets.map((s) => s.name)).toEqual(['会议记录', '类型×月份']);
    expect(result.sheets[0].ledger).toBe('meetings');
    const matrix = result.sheets[1];
    expect(matrix.ledger).toBeUndefined();
    expect(matrix.mappedAs).toBeUndefined();
    expect(matrix.reason).toMatch(/不是台账，已跳过$/);
    expect(matrix.rows).toEqual([]);
  });

  it('months alone, or months with their 合计, are no evidence either; a month’s own wording (十二月份) neither', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`).join(',');
    for (const header of [`项目,${months}`, `项目,${months},合计`, '项目,一月份,十二月份,全年合计']) {
      const [sheet] = (await csv(`${header}\n收入,${'1,'.repeat(14)}\n`)).sheets;
      expect(sheet.mappedAs, header).toBeUndefined();
      expect(sheet.reason, header).toMatch(/不是台账/);
    }
  });

  it('a 党费 sheet that names its terms but lost its 姓名 column is still said to be one, missing 姓名', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`).join(',');
    const [sheet] = (await csv(`人员类别,核定基数,${months}\n在职,8560,128.40\n`)).sheets;
    expect(sheet.ledger).toBeUndefined();
    expect(sheet.mappedAs).toBe('dues');
    expect(sheet.reason).toMatch(/^表头像是党费.*但缺少“姓名”列/);
  });
});
