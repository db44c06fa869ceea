/**
 * Attachments for a demo branch, so that a demo 检查材料包 has files in its folders: the demo's own 佐证材料 (text)
 * plus small generated PNG pictures (a 签到表 and a 现场照片 for some meetings, a photo for each 已销号 task).
 * Deterministic: the same dataset and seed give the same bytes. The PNGs are real images (any viewer opens them).
 */
import { strToU8, zlibSync } from 'fflate';
import type { DemoDataset } from '../demo';
import { createRandom } from '../demo/random';
import type { AttachmentMeta } from '../model/attachment';
import { concatBytes, crc32 } from '../zip/zip';

export interface DemoAttachments {
  attachments: AttachmentMeta[];
  bytes: Map<string, Uint8Array>;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(strToU8(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGB PNG of `width`×`height` with a soft two-colour pattern from `seed`. */
export function demoPng(width: number, height: number, seed: number): Uint8Array {
  const random = createRandom(seed);
  const [r0, g0, b0, r1, g1, b1] = Array.from({ length: 6 }, () => random.int(40, 230));
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const t = ((x + y) % 64) / 63;
      const stripe = (Math.floor(x / 16) + Math.floor(y / 16)) % 2 === 0 ? 1 : 0.85;
      const i = row + 1 + x * 3;
      raw[i] = Math.round((r0 + (r1 - r0) * t) * stripe);
      raw[i + 1] = Math.round((g0 + (g1 - g0) * t) * stripe);
      raw[i + 2] = Math.round((b0 + (b1 - b0) * t) * stripe);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array()),
  ];
  return concatBytes(parts);
}

export interface DemoAttachmentOptions {
  seed?: number;
  /** How many meetings (the latest) get a 签到表 and a 现场照片. */
  meetingsWithPhotos?: number;
}

export function generateDemoAttachments(demo: Pick<DemoDataset, 'branch' | 'meetings' | 'rectifications' | 'evidence'>, options: DemoAttachmentOptions = {}): DemoAttachments {
  const random = createRandom((options.seed ?? 20250305) ^ 0xa77ac4);
  const attachments: AttachmentMeta[] = [];
  const bytes = new Map<string, Uint8Array>();
  for (const file of demo.evidence) {
    attachments.push(file.meta);
    bytes.set(file.meta.id, strToU8(file.text));
  }
  const add = (ownerTable: AttachmentMeta['ownerTable'], ownerId: string, name: string, kind: AttachmentMeta['kind'], createdAt: string, data: Uint8Array) => {
    const id = random.uuid();
    attachments.push({ id, branchId: demo.branch.id, ownerTable, ownerId, name, mimeType: 'image/png', size: data.byteLength, kind, createdAt });
    bytes.set(id, data);
  };
  const meetings = [...demo.meetings].sort((a, b) => (a.startAt > b.startAt ? -1 : a.startAt < b.startAt ? 1 : 0));
  meetings.slice(0, options.meetingsWithPhotos ?? 4).forEach((meeting, index) => {
    const when = meeting.endAt ?? meeting.startAt;
    add('meetings', meeting.id, '签到表.png', '签到表', when, demoPng(160, 220, index * 2 + 1));
    add('meetings', meeting.id, '会议现场.png', '照片', when, demoPng(320, 200, index * 2 + 2));
  });
  demo.rectifications
    .filter((task) => task.status === '已销号')
    .forEach((task, index) => add('rectifications', task.id, '整改现场照片.png', '佐证材料', task.updatedAt, demoPng(240, 160, 100 + index)));
  return { attachments, bytes };
}
