/**
 * Paths inside an archive that will be shown, compared and maybe written somewhere: relative, `/` only, no `..`,
 * no drive letter, no NUL or control character, and unique once Unicode-normalised (NFC) and case-folded, the way
 * Windows and macOS would see them on disk. Anything else fails, naming the path.
 */

/** Why a path is unsafe (Chinese, without the path: callers put it in front), or undefined when it is fine. */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) {
    return '文件名为空';
  }
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return '文件名含有控制字符';
  }
  if (path.includes('\\')) {
    return '路径使用了反斜杠“\\”';
  }
  if (path.startsWith('/')) {
    return '是绝对路径';
  }
  if (/^[A-Za-z]:/.test(path)) {
    return '带有盘符';
  }
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.some((segment) => segment === '..')) {
    return '含有“..”，指向材料包以外';
  }
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return '路径中有空的一级';
  }
  return undefined;
}

/** The form two paths share when one file system would treat them as the same file. */
export function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Each path once, with its problem: unsafe paths and those that collide with an earlier one after folding. */
export function pathProblems(paths: Iterable<string>): { path: string; reason: string }[] {
  const problems: { path: string; reason: string }[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const reason = unsafePathReason(path);
    if (reason) {
      problems.push({ path, reason });
      continue;
    }
    const key = pathKey(path);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ path, reason: earlier === path ? '重复出现' : `与“${earlier}”只差大小写或编码，解压后会互相覆盖` });
      continue;
    }
    seen.set(key, path);
  }
  return problems;
}
