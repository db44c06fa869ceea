import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** antd spaces out two-character button labels (保 存). */
const SAVE = /^保\s?存$/;
const PRINT = /(^|\s)打\s?印$/;
/** A word that appears only inside 会议内容, to search for. */
const CONTENT_WORD = '红船精神';
const ARTICLE_11 = '《中国共产党支部工作条例（试行）》第十一条';

/** A real 16×12 PNG (a red square on white), so the page can decode it and make a thumbnail. */
function smallPng(): Buffer {
  const width = 16;
  const height = 12;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x += 1) {
      const red = x > 3 && x < 12 && y > 2 && y < 9;
      rows.push(red ? 200 : 255, red ? 22 : 255, red ? 29 : 255);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openMeetingsWithDemoBranch(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '会议记录' }).click();
  await expect(page.getByRole('heading', { name: '会议记录' })).toBeVisible();
}

/** The value cell next to a label in a bordered antd Descriptions. */
function described(page: Page, label: string) {
  return page.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td[1]');
}

test.describe('会议记录', () => {
  test('从工作台的链接打开：列表按 ?type=&year=&month= 筛选', async ({ page }) => {
    await openMeetingsWithDemoBranch(page);
    const year = await page.evaluate(() => new Date().getFullYear());
    await page.goto(`/#/meetings?type=${encodeURIComponent('主题党日')}&year=${year}&month=1`);
    await expect(page.getByRole('heading', { name: '会议记录' })).toBeVisible();
    const rows = page.getByRole('main').locator('.ant-table-row');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) {
      expect(text).toContain(`${year}年1月`);
      expect(text).toContain('主题党日');
    }
  });

  test('记录支部党员大会：出席、请假、表决，附件、打印、Word、搜索，刷新后仍在', async ({ page }) => {
    await openMeetingsWithDemoBranch(page);

    // ── 新建党员大会: everything that can be is filled in already ───────────────────────────────────────
    await page.getByRole('button', { name: '新建党员大会' }).click();
    await expect(page.getByRole('heading', { name: '新建支部党员大会' })).toBeVisible();
    await expect(page.getByLabel('会议名称', { exact: true })).toHaveValue(/^\d{4}年\d{1,2}月支部党员大会$/);
    await expect(page.getByLabel('出席统计')).toHaveText('应到 25 人，实到 25 人，缺席 0 人');

    // Two 正式党员 ask for leave (预备党员 carry a 预备 tag).
    const fullMemberRows = page
      .getByRole('row')
      .filter({ has: page.getByRole('radio', { name: '请假' }) })
      .filter({ hasNotText: '预备' });
    const onLeave: string[] = [];
    for (const index of [3, 7]) {
      const row = fullMemberRows.nth(index);
      onLeave.push((await row.getByRole('cell').nth(1).innerText()).trim());
      await row.getByRole('radio', { name: '请假' }).check();
      await row.getByRole('textbox').fill('出差');
    }
    await expect(page.getByLabel('出席统计')).toHaveText('应到 25 人，实到 23 人，缺席 2 人（其中请假 2 人）');

    const title = await page.getByLabel('会议名称', { exact: true }).inputValue();
    await page.getByLabel('地点', { exact: true }).fill('三楼党员活动室');
    await page.getByLabel('议题1', { exact: true }).fill('讨论接收预备党员');
    await page.getByLabel('学习内容', { exact: true }).fill('学习《中国共产党支部工作条例（试行）》。');
    await page.getByLabel('会议内容', { exact: true }).fill(`书记传达上级会议精神，大家结合${CONTENT_WORD}谈体会。`);
    await page.getByRole('button', { name: '增加决议' }).click();
    await page.getByLabel('决议1内容').fill('同意接收入党积极分子为预备党员');
    // 21 正式党员 are present (two on leave, 预备党员 have no vote): 23 votes are refused on the field.
    await page.getByLabel('决议1赞成票数').fill('20');
    await page.getByLabel('决议1反对票数').fill('1');
    await page.getByLabel('决议1弃权票数').fill('2');
    const abstentions = page.getByLabel('决议1弃权票数');
    await expect(page.getByText('赞成、反对、弃权合计23票，多于有表决权党员实到21人')).toBeVisible();
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.getByRole('heading', { name: '新建支部党员大会' })).toBeVisible();
    await page.getByLabel('决议1赞成票数').fill('22');
    await expect(page.getByText('赞成22票，多于有表决权党员实到21人')).toBeVisible();
    // At the edge (18 + 1 + 2 = 21) it is accepted.
    await page.getByLabel('决议1赞成票数').fill('18');
    await expect(page.getByText(/多于有表决权党员实到/)).toHaveCount(0);
    await expect(abstentions).toHaveValue('2');
    await page.screenshot({ path: '/tmp/meetings-form.png', fullPage: true });
    await page.getByRole('button', { name: SAVE }).click();

    // ── Detail: 应到/实到, quorum and the vote, with 第十一条 ─────────────────────────────────────────────
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(described(page, '应到')).toHaveText('25 人');
    await expect(described(page, '实到')).toHaveText('23 人');
    await expect(described(page, '请假人员')).toHaveText(`${onLeave[0]}（出差）、${onLeave[1]}（出差）`);
    // 23 正式党员 have a vote; two of them are away.
    await expect(described(page, '有表决权党员应到')).toContainText('23 人');
    await expect(described(page, '有表决权党员实到')).toHaveText('21 人');
    await expect(page.getByText('超过半数，可以表决')).toBeVisible();
    const vote = page.getByRole('listitem').filter({ hasText: '同意接收入党积极分子为预备党员' });
    await expect(vote).toContainText('赞成18票，反对1票，弃权2票');
    await expect(vote).toContainText('赞成须至少 12 票');
    await expect(vote.getByText('通过', { exact: true })).toBeVisible();
    await expect(vote).toContainText(ARTICLE_11);
    await expect(page.getByText(`依据：${ARTICLE_11}`)).toBeVisible();

    // ── An image attachment gets a thumbnail ────────────────────────────────────────────────────────────
    await page.locator('input[type=file]').setInputFiles({ name: '会场照片.png', mimeType: 'image/png', buffer: smallPng() });
    await expect(page.getByText('已上传 会场照片.png')).toBeVisible();
    const thumbnail = page.getByRole('img', { name: '会场照片.png 缩略图' });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: '附件列表' })).toContainText(/\d+ B/);
    await page.screenshot({ path: '/tmp/meetings-detail.png', fullPage: true });

    // ── Print view and the Word document ────────────────────────────────────────────────────────────────
    await page.getByRole('button', { name: '打印预览' }).click();
    const sheet = page.getByRole('article', { name: '会议记录本' });
    await expect(sheet.getByRole('heading', { name: '会议记录' })).toBeVisible();
    await expect(sheet).toContainText(title);
    await expect(sheet).toContainText(`${onLeave[0]}（出差）`);
    await expect(sheet).toContainText(ARTICLE_11);
    await expect(sheet).toContainText('主持人签字');
    await expect(sheet).toContainText('记录人签字');
    // Printed on its own named page (记录本 margins), whatever other print views were opened before.
    expect(await sheet.evaluate((el) => getComputedStyle(el).getPropertyValue('page'))).toBe('minutes');
    await expect(page.getByRole('button', { name: PRINT })).toBeVisible();
    await page.screenshot({ path: '/tmp/meetings-print.png', fullPage: true });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载Word' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}_支部党员大会_${title}\\.docx$`));
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // ── Search by a word inside 会议内容; a reload keeps the record ───────────────────────────────────────
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '会议记录' }).click();
    const search = page.getByLabel('搜索会议');
    await search.fill(CONTENT_WORD);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByText('找到 1 条')).toBeVisible();
    await search.fill('没有这个词');
    await expect(page.getByText('没有符合条件的会议记录')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: '会议记录' })).toBeVisible();
    // The virtual table draws its rows as plain elements, not table rows.
    const list = page.getByRole('main');
    await expect(list.getByRole('link', { name: title })).toBeVisible();
    await expect(list.getByText('三楼党员活动室', { exact: true })).toBeVisible();
    await expect(list.getByText('25/23', { exact: true })).toBeVisible();
    await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();
  });

  test('只有人数的会议（出席名单未导入）：详情、打印显示应到/实到/请假/缺席，编辑时保留人数并按人数核对表决', async ({ page }) => {
    await openMeetingsWithDemoBranch(page);
    const year = await page.evaluate(() => new Date().getFullYear());
    // A record as a counts-only 三会一课 ledger imports it: numbers, no names (written as the import writes it).
    await page.evaluate(async (startAt) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('branch-ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const branches = await new Promise<{ id: string }[]>((resolve) => {
        const request = db.transaction('branches').objectStore('branches').getAll();
        request.onsuccess = () => resolve(request.result as { id: string }[]);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('meetings', 'readwrite');
        tx.objectStore('meetings').put({
          id: 'counts-only', branchId: branches[0].id, createdAt: startAt, updatedAt: startAt,
          type: '支部党员大会', alsoCountsAs: [], title: '导入的支部党员大会', startAt,
          attendance: [], headcount: { expected: 24, present: 20, onLeave: 3 },
          topics: ['讨论发展党员'], speeches: [], resolutions: [{ text: '同意接收预备党员', votesFor: 18 }],
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
      });
      db.close();
    }, `${year}-01-10T14:30:00+08:00`);
    await page.goto('/#/meetings/counts-only');
    await expect(page.getByRole('heading', { name: '导入的支部党员大会' })).toBeVisible();
    await expect(described(page, '应到')).toHaveText('24 人');
    await expect(described(page, '实到')).toHaveText('20 人');
    await expect(described(page, '请假')).toHaveText('3 人');
    await expect(described(page, '缺席')).toHaveText('4 人');
    await expect(described(page, '出席人员')).toContainText('出席名单未导入');
    await expect(described(page, '有表决权党员实到')).toHaveText('20 人');
    await expect(page.getByText(/按台账人数核对（出席名单未导入）/)).toBeVisible();
    await page.screenshot({ path: '/tmp/meetings-counts-detail.png', fullPage: true });

    await page.getByRole('button', { name: '打印预览' }).click();
    const sheet = page.getByRole('article', { name: '会议记录本' });
    await expect(sheet).toContainText('出席名单未导入');
    await expect(sheet).toContainText('24人');
    await expect(sheet).toContainText('按台账人数核对');
    await page.goBack();

    // Edit: the counts stay numbers, checked against each other and against the votes.
    await page.goto('/#/meetings/counts-only/edit');
    await expect(page.getByText('出席名单未导入：台账只记了人数')).toBeVisible();
    await expect(page.getByLabel('应到人数')).toHaveValue('24');
    await expect(page.getByLabel('实到人数')).toHaveValue('20');
    await expect(page.getByLabel('请假人数')).toHaveValue('3');
    await page.getByLabel('实到人数').fill('25');
    await expect(page.getByText('实到25人，多于应到24人')).toBeVisible();
    await expect(page.getByText('赞成18票，多于有表决权党员实到25人')).toHaveCount(0);
    await page.getByLabel('实到人数').fill('17');
    await expect(page.getByText('赞成18票，多于有表决权党员实到17人')).toBeVisible();
    await page.getByLabel('实到人数').fill('20');
    await expect(page.getByText(/多于有表决权党员实到/)).toHaveCount(0);
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.getByRole('heading', { name: '导入的支部党员大会' })).toBeVisible();
    await expect(described(page, '出席人员')).toContainText('出席名单未导入');

    // Recording a list is the user's choice; only then are names listed.
    await page.goto('/#/meetings/counts-only/edit');
    await page.getByRole('button', { name: '登记出席名单' }).click();
    await expect(page.getByLabel('出席统计')).toHaveText('应到 25 人，实到 25 人，缺席 0 人');
  });

  test('快速新建：支委会只列支委，党小组会只列本组党员；日历中显示当天的会议', async ({ page }) => {
    await openMeetingsWithDemoBranch(page);

    await page.getByRole('button', { name: '新建支委会' }).click();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    await expect(page.getByLabel('会议名称', { exact: true })).toHaveValue(/^\d{4}年\d{1,2}月支部委员会会议$/);
    // The demo committee has five members; the 书记 hosts.
    await expect(page.getByLabel('出席统计')).toHaveText('应到 5 人，实到 5 人，缺席 0 人');
    const hostName = (await page.getByRole('main').locator('.ant-form-item').filter({ hasText: '主持人' }).locator('.ant-select-content').innerText()).trim();
    expect(hostName).not.toBe('');
    await page.getByRole('button', { name: /取\s?消/ }).click();

    await page.getByRole('button', { name: /新建党小组会/ }).hover();
    await page.getByRole('menuitem', { name: '第二党小组' }).click();
    await expect(page.getByRole('heading', { name: '新建党小组会' })).toBeVisible();
    await expect(page.getByLabel('会议名称', { exact: true })).toHaveValue(/^\d{4}年\d{1,2}月第二党小组会$/);
    await expect(page.getByLabel('党小组', { exact: true })).toBeVisible();
    // 25 members in three groups: 8 or 9 in each.
    await expect(page.getByLabel('出席统计')).toHaveText(/^应到 [89] 人，实到 [89] 人，缺席 0 人$/);
    const title = await page.getByLabel('会议名称', { exact: true }).inputValue();
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: '党小组', exact: true })).toBeVisible();

    // Editing keeps the record and logs what changed.
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    await page.getByLabel('地点', { exact: true }).fill('二楼小会议室');
    await page.getByRole('button', { name: SAVE }).click();
    await expect(described(page, '地点')).toHaveText('二楼小会议室');
    await expect(page.getByText(/本机用户：修改 地点$/)).toBeVisible();

    await page.getByRole('button', { name: /会议记录/ }).click();
    await page.getByRole('radiogroup', { name: '显示方式' }).getByText('日历').click();
    await expect(page.getByRole('main').getByRole('link', { name: /14:30 第二党小组会/ })).toBeVisible();
    await page.screenshot({ path: '/tmp/meetings-calendar.png', fullPage: true });
  });
});
