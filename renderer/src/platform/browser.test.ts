// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform } from './browser';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('browser platform: saveFileStream', () => {
  it('gives a sink at once and, on close, clicks a download link named as suggested holding every chunk', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:fake';
    });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const sink = await createBrowserPlatform().saveFileStream({ suggestedName: '一支部_2025年度_党建台账.zip' });
    expect(sink).not.toBeNull();
    await sink!.write(new TextEncoder().encode('PK'));
    await sink!.write(new Uint8Array([3, 4]));
    expect(clicked).toEqual([]);
    await expect(sink!.close()).resolves.toEqual({ saved: true });
    expect(clicked).toEqual([{ download: '一支部_2025年度_党建台账.zip', href: 'blob:fake' }]);
    expect([...new Uint8Array(await blobs[0].arrayBuffer())]).toEqual([0x50, 0x4b, 3, 4]);
    // The link does not stay in the page.
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('starts no download when aborted', async () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:fake');
    const sink = await createBrowserPlatform().saveFileStream({ suggestedName: '包.zip' });
    await sink!.write(new Uint8Array([1]));
    await sink!.abort();
    expect(create).not.toHaveBeenCalled();
  });
});
