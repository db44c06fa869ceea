/** The Chinese application menu. Roles give the standard behaviour and shortcuts; labels are ours. */
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';

export interface MenuOptions {
  /** Packaged builds get no DevTools entry. */
  isPackaged: boolean;
  onAbout: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!options.isPackaged) {
    viewItems.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  }
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: viewItems },
    { label: '帮助', submenu: [{ label: '关于 支部台账', click: () => options.onAbout() }] },
  ];
}

export interface AboutInfo {
  version: string;
  electron: string;
  chrome: string;
}

export function aboutDialogOptions(info: AboutInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: '关于 支部台账',
    message: `支部台账 ${info.version}`,
    detail: [
      '党支部工作台账（离线版），数据只保存在本机。',
      '',
      `Electron ${info.electron} · Chromium ${info.chrome}`,
    ].join('\n'),
    buttons: ['确定'],
    noLink: true,
  };
}
