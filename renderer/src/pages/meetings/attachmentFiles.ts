import { attachmentSizeProblem, guessAttachmentKind, isImageMimeType, type AttachmentKind } from '@shared/model';

/** Longest side of a thumbnail in pixels: enough for a 2× screen at 120 px. */
const THUMBNAIL_SIDE = 240;

/**
 * A small JPEG of an image, made here in the page (the repository only stores Blobs). Undefined when the
 * browser cannot decode it (e.g. a HEIC photo): the file is still kept, just without a thumbnail.
 */
export async function makeThumbnail(file: Blob): Promise<Blob | undefined> {
  if (!isImageMimeType(file.type)) {
    return undefined;
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) {
      return undefined;
    }
    // JPEG has no transparency: a white page behind a transparent PNG, as on paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
  } finally {
    bitmap.close();
  }
}

export interface PreparedFile {
  /** A stable key for lists of files not yet saved. */
  key: string;
  name: string;
  mimeType: string;
  data: Blob;
  thumbnail?: Blob;
  kind: AttachmentKind;
}

/** Checks the size first (the message names the file and its size), then makes the thumbnail. */
export async function prepareFile(file: File): Promise<PreparedFile> {
  const tooLarge = attachmentSizeProblem(file.name, file.size);
  if (tooLarge) {
    throw new Error(tooLarge);
  }
  const mimeType = file.type || 'application/octet-stream';
  return {
    key: crypto.randomUUID(),
    name: file.name,
    mimeType,
    data: file,
    thumbnail: await makeThumbnail(file),
    kind: guessAttachmentKind(file.name, mimeType),
  };
}
