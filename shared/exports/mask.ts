/** 公民身份号码 with only the first 6 (area) and last 4 characters shown: 320102********1234. */
export function maskIdNumber(id: string): string {
  const text = id.trim();
  if (text.length <= 10) {
    return text;
  }
  return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`;
}
