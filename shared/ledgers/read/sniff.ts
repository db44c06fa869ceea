/** What a file is, by its first bytes and its name, before anything tries to parse it. */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type Sniffed = { kind: 'xlsx' } | { kind: 'csv' } | { kind: 'package' } | { kind: 'refused'; message: string };

const SAVE_AS_XLSX = '请在 WPS 或 Excel 中打开它，点“文件 › 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，保存后再导入新文件。';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether an ASCII (or UTF-16LE when `wide`) name occurs anywhere in the bytes: zip and OLE keep names uncompressed. */
export function containsName(bytes: Uint8Array, name: string, wide = false): boolean {
  const needle: number[] = [];
  for (const ch of name) {
    needle.push(ch.charCodeAt(0));
    if (wide) {
      needle.push(0);
    }
  }
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (bytes[i + j] !== needle[j]) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}

/** A zip ends with its central directory; a copy or download that stopped early has none. */
function hasZipEnd(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      return true;
    }
  }
  return false;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function sniffZip(bytes: Uint8Array, ext: string): Sniffed {
  if (!hasZipEnd(bytes)) {
    return { kind: 'refused', message: '文件不完整（可能下载或拷贝时中断了），无法打开。请重新拷贝或下载原文件后再导入。' };
  }
  if (containsName(bytes, 'xl/workbook.xml')) {
    return { kind: 'xlsx' };
  }
  if (containsName(bytes, 'xl/workbook.bin')) {
    return { kind: 'refused', message: `这是 Excel 二进制工作簿（.xlsb），不能直接导入。${SAVE_AS_XLSX}` };
  }
  if (containsName(bytes, 'word/')) {
    return { kind: 'refused', message: '这是 Word 文档，不是 Excel 表格。请选择 Excel 台账文件（.xlsx）。' };
  }
  if (containsName(bytes, 'ppt/')) {
    return { kind: 'refused', message: '这是 PowerPoint 演示文稿，不是 Excel 表格。请选择 Excel 台账文件（.xlsx）。' };
  }
  return {
    kind: 'refused',
    message: ext === 'zip' ? '这是压缩包，请先解压，再选择其中的 Excel 台账文件。' : '文件不是 Excel 工作簿，可能已损坏。' + SAVE_AS_XLSX,
  };
}

function sniffOle(bytes: Uint8Array): Sniffed {
  if (containsName(bytes, 'EncryptionInfo', true) || containsName(bytes, 'EncryptedPackage', true)) {
    return {
      kind: 'refused',
      message: '文件设置了打开密码，无法读取。请在 Excel 或 WPS 中打开，取消文档密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后保存，再导入。',
    };
  }
  if (containsName(bytes, 'WordDocument', true)) {
    return { kind: 'refused', message: '这是 Word 文档（.doc），不是 Excel 表格。请选择 Excel 台账文件（.xlsx）。' };
  }
  return { kind: 'refused', message: `这是旧版 Excel（.xls）或 WPS 表格（.et）格式，不能直接导入。${SAVE_AS_XLSX}` };
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return true;
  }
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i += 1) {
    const b = bytes[i];
    if (b === 0 || (b < 0x09 && b !== 0)) {
      return false;
    }
  }
  return true;
}

/** Decides how to read a file, or the Chinese message that says why it cannot be read. */
export function sniffFile(fileName: string, bytes: Uint8Array): Sniffed {
  const ext = extensionOf(fileName);
  if (bytes.length === 0) {
    return { kind: 'refused', message: '文件是空的（0 字节），请确认选对了文件，或从原处重新拷贝。' };
  }
  // A 检查材料包 carries its photos, so it may be far larger than a ledger; only its ledger workbooks are inflated
  // (read/package.ts). Its entry names are in the central directory at the end of the zip.
  if (startsWith(bytes, ZIP) && hasZipEnd(bytes) && containsName(bytes.subarray(Math.max(0, bytes.length - 4 * 1024 * 1024)), 'manifest.json')) {
    return { kind: 'package' };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      kind: 'refused',
      message: `文件太大（${mb} MB），超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限。台账通常不到 1 MB：请删去图片和无关的工作表后另存，再导入。`,
    };
  }
  if (startsWith(bytes, ZIP)) {
    return sniffZip(bytes, ext);
  }
  if (startsWith(bytes, OLE)) {
    return sniffOle(bytes);
  }
  if (ext === 'xls' || ext === 'et' || ext === 'ett' || ext === 'xlt') {
    // Web systems export HTML or text named .xls; the user still fixes it the same way.
    return { kind: 'refused', message: `这个 .${ext} 文件不是能直接导入的格式。${SAVE_AS_XLSX}` };
  }
  if (ext === 'csv' || ext === 'txt') {
    return looksLikeText(bytes)
      ? { kind: 'csv' }
      : { kind: 'refused', message: `文件名是 .${ext}，但内容不是文本表格，可能已损坏。${SAVE_AS_XLSX}` };
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    return { kind: 'refused', message: `文件名是 .${ext}，但内容不是 Excel 工作簿（文件可能已损坏或被改了扩展名）。${SAVE_AS_XLSX}` };
  }
  const shown = ext ? `“.${ext}”` : '没有扩展名的';
  return { kind: 'refused', message: `不支持${shown}文件。只能导入 .xlsx、.xlsm 或 .csv 台账：${SAVE_AS_XLSX}` };
}
