/** SHA-256 of some bytes as 64 lowercase hex digits (the same shape shared/backup takes). */
export type Sha256 = (data: Uint8Array) => Promise<string>;

interface SubtleDigest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/**
 * WebCrypto's digest: present in Node ≥ 20, Chromium and workers alike. shared/ is typed without DOM or Node,
 * hence the narrow look-up instead of the global `crypto` type.
 */
export const webCryptoSha256: Sha256 = async (data) => {
  // why: shared/ has no DOM or Node types; WebCrypto's digest is looked up as the narrow shape it is used by
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (!subtle) {
    throw new Error('此环境不支持 SHA-256 计算（缺少 WebCrypto）');
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', data));
  let hex = '';
  for (const byte of digest) {
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
};
