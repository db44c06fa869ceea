/**
 * electron-builder configuration: Windows installer (NSIS, Chinese, per-user, installation folder
 * choosable) and portable exe; Debian packages for x64 and arm64 (统信 UOS / 麒麟 run .deb on both).
 * Validated offline by electron/builder-config.test.ts.
 *
 * Offline builds: set ELECTRON_DIST to an unpacked Electron 45 folder, electron-builder then downloads nothing.
 */

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'cn.branchledger.app',
  productName: '支部台账',
  copyright: 'Copyright © 支部台账',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  // main and preload are bundled by esbuild and the renderer by Vite: no node_modules in the package.
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json'],
  asar: true,
  // Chinese UI; English kept as Chromium's fallback. Drops ~40 MB of other locales.
  electronLanguages: ['zh-CN', 'en-US'],
  npmRebuild: false,
  nodeGypRebuild: false,
  publish: null,
  ...(process.env.ELECTRON_DIST ? { electronDist: process.env.ELECTRON_DIST } : {}),
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // file:// gets no extra privileges: the app is served from app://, nothing needs file:// at all.
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    icon: 'build/icon.ico',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    unicode: true,
    shortcutName: '支部台账',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The ledgers live in the user's data folder; uninstalling must never take them along.
    deleteAppDataOnUninstall: false,
    differentialPackage: false,
    artifactName: '支部台账-${version}-安装程序.${ext}',
  },
  portable: {
    artifactName: '支部台账-${version}-便携版.${ext}',
  },
  linux: {
    icon: 'build/icons',
    // An ASCII command name: Chinese file names in /usr/bin and /opt trip up shell scripts.
    executableName: 'branch-ledger',
    category: 'Office',
    maintainer: 'branch-ledger <branch-ledger@users.noreply.github.com>',
    vendor: 'branch-ledger',
    synopsis: '党支部工作台账（离线版）',
    description: '支部台账：党支部书记的离线工作台账，管理党员、会议、谈心谈话、组织生活会与整改，导入导出 Excel 台账，生成检查材料包。数据只保存在本机。',
    target: [{ target: 'deb', arch: ['x64', 'arm64'] }],
  },
  deb: {
    artifactName: 'branch-ledger_${version}_${arch}.${ext}',
    priority: 'optional',
  },
};

module.exports = config;
