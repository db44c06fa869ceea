/**
 * How the 自检报告 is bound to the manifest. Its 报送单 prints the fingerprint (SHA-256 of manifest.json), so the
 * manifest cannot list the report's bytes: that hash would have to include itself. The manifest lists the hash of
 * the report's content instead: every cell of every sheet as the ledger reader reads it back, row by row, leaving
 * out only the fingerprint row. Changing a conclusion changes that hash; recomputing the manifest changes the
 * fingerprint, which no longer matches the signed paper.
 */
import { COVER_SHEET, FINGERPRINT_LABEL } from '../exports/packageCover';
import { readXlsx } from '../ledgers/read/xlsx';
import { cellText } from '../ledgers/values';
import { sha256Hex } from '../zip/sha256';
import { strToU8 } from 'fflate';

export interface SelfCheckContent {
  /** SHA-256 of the content without the fingerprint row. */
  contentSha256: string;
  /** The fingerprint printed on the 报送单 (hex, spaces removed), if there is one. */
  printedFingerprint?: string;
}

/** Reads a 自检报告 workbook; throws when it is not one we can read (the caller reports it as altered). */
export async function readSelfCheckContent(bytes: Uint8Array): Promise<SelfCheckContent> {
  const read = await readXlsx(bytes);
  if (!read.ok) {
    throw new Error(read.message);
  }
  const lines: string[] = [];
  let printedFingerprint: string | undefined;
  for (const sheet of read.sheets) {
    lines.push(`#${sheet.name}`);
    for (const row of sheet.rows) {
      const texts = row.map(cellText);
      while (texts.length > 0 && texts[texts.length - 1] === '') {
        texts.pop();
      }
      if (texts.length === 0) {
        continue;
      }
      if (texts[0] === FINGERPRINT_LABEL) {
        if (sheet.name === COVER_SHEET) {
          printedFingerprint = (texts[1] ?? '').replace(/\s+/g, '').toLowerCase();
        }
        continue;
      }
      lines.push(texts.join('\t'));
    }
  }
  return { contentSha256: sha256Hex(strToU8(lines.join('\n'))), printedFingerprint };
}
