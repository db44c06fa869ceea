import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutDialogOptions, buildMenuTemplate } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
}

function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];
}

describe('buildMenuTemplate', () => {
  it('is the Chinese menu', () => {
    const menu = buildMenuTemplate({ isPackaged: true, onAbout: () => undefined });
    expect(labels(menu)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(menu, '文件'))).toEqual(['退出']);
    expect(labels(submenu(menu, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenu(menu, '视图'))).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏']);
    expect(labels(submenu(menu, '帮助'))).toEqual(['关于 支部台账']);
  });

  it('has no DevTools in packaged builds, and has them in development', () => {
    const roles = (isPackaged: boolean) =>
      submenu(buildMenuTemplate({ isPackaged, onAbout: () => undefined }), '视图').map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('opens 关于 from 帮助', () => {
    const onAbout = vi.fn();
    const about = submenu(buildMenuTemplate({ isPackaged: true, onAbout }), '帮助')[0];
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('about dialog shows the version', () => {
    const options = aboutDialogOptions({ version: '0.1.0', electron: '45.5.0', chrome: '140.0' });
    expect(options.title).toBe('关于 支部台账');
    expect(options.message).toContain('0.1.0');
    expect(options.buttons).toEqual(['确定']);
  });
});
