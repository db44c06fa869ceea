/**
 * Gathers a stream of small chunks (fflate's zip output) into batches of at least `batchBytes` and hands each on
 * as a fresh ArrayBuffer, ready to be transferred. At most `maxInFlight` batches may be handed on and not yet
 * acknowledged: `write` waits for `acknowledge()` beyond that, so a slow disk slows the producer instead of
 * piling batches up in memory. Pure: used by the export worker, tested in Node.
 */
export interface ChunkBatcherOptions {
  batchBytes: number;
  maxInFlight: number;
  /** Receives each batch; the buffer is the batcher's own copy, free to transfer. */
  send(batch: ArrayBuffer): void;
}

export interface ChunkBatcher {
  /** Takes a chunk (copied: the caller keeps its array); resolves when the batcher can take the next one. */
  write(chunk: Uint8Array): Promise<void>;
  /** Sends what is gathered, however small (the end of the stream). */
  flush(): Promise<void>;
  /** The receiver has finished with one batch. */
  acknowledge(): void;
  /** Batches sent and batches acknowledged so far. */
  readonly counts: { sent: number; acknowledged: number };
}

/** ~8–16 MB per message: few enough messages, small enough to keep memory flat. */
export const PACKAGE_BATCH_BYTES = 8 * 1024 * 1024;
/** Batches posted and not yet written: bounds what the page holds of a package at any time. */
export const PACKAGE_BATCHES_IN_FLIGHT = 3;

export function createChunkBatcher(options: ChunkBatcherOptions): ChunkBatcher {
  const counts = { sent: 0, acknowledged: 0 };
  let parts: Uint8Array[] = [];
  let pending = 0;
  let wake: (() => void) | null = null;

  async function room(): Promise<void> {
    while (counts.sent - counts.acknowledged >= options.maxInFlight) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  async function send(batchParts: Uint8Array[], size: number): Promise<void> {
    await room();
    // Always a copy: a stored (not deflated) file's chunk is the attachment's own array, which the package
    // builder still reads after handing it over; transferring it would empty it.
    const batch = new Uint8Array(size);
    let offset = 0;
    for (const part of batchParts) {
      batch.set(part, offset);
      offset += part.byteLength;
    }
    counts.sent += 1;
    options.send(batch.buffer);
  }

  async function flush(): Promise<void> {
    if (pending === 0) {
      return;
    }
    const batchParts = parts;
    const size = pending;
    parts = [];
    pending = 0;
    await send(batchParts, size);
  }

  return {
    counts,
    async write(chunk) {
      if (chunk.byteLength >= options.batchBytes) {
        // A big photo goes on its own, after what was gathered before it.
        await flush();
        await send([chunk], chunk.byteLength);
        return;
      }
      if (chunk.byteLength === 0) {
        return;
      }
      // Kept by reference until the batch is copied: fflate hands out a new array per chunk, and a passed-through
      // file's bytes are not changed by the builder.
      parts.push(chunk);
      pending += chunk.byteLength;
      if (pending >= options.batchBytes) {
        await flush();
      }
    },
    flush,
    acknowledge() {
      counts.acknowledged += 1;
      const resolve = wake;
      wake = null;
      resolve?.();
    },
  };
}
