import { describe, expect, it } from 'vitest';
import { createChunkBatcher } from './chunkBatcher';

function collector() {
  const batches: number[][] = [];
  return { batches, send: (batch: ArrayBuffer) => batches.push([...new Uint8Array(batch)]) };
}

const range = (from: number, count: number) => new Uint8Array(count).map((_, index) => from + index);

describe('createChunkBatcher', () => {
  it('gathers small chunks into batches of at least batchBytes, in order, and flushes the rest', async () => {
    const { batches, send } = collector();
    const batcher = createChunkBatcher({ batchBytes: 4, maxInFlight: 100, send });
    await batcher.write(range(0, 3));
    expect(batches).toEqual([]);
    await batcher.write(range(3, 2));
    await batcher.write(new Uint8Array());
    await batcher.write(range(5, 1));
    await batcher.flush();
    await batcher.flush();
    expect(batches).toEqual([[0, 1, 2, 3, 4], [5]]);
  });

  it('sends a big chunk on its own, after what was gathered before it', async () => {
    const { batches, send } = collector();
    const batcher = createChunkBatcher({ batchBytes: 4, maxInFlight: 100, send });
    await batcher.write(range(0, 2));
    await batcher.write(range(2, 6));
    await batcher.write(range(8, 1));
    await batcher.flush();
    expect(batches).toEqual([[0, 1], [2, 3, 4, 5, 6, 7], [8]]);
  });

  it('sends copies: the caller’s arrays stay intact (they are not transferred away)', async () => {
    const sent: ArrayBuffer[] = [];
    const batcher = createChunkBatcher({ batchBytes: 2, maxInFlight: 100, send: (batch) => sent.push(batch) });
    const photo = range(1, 5);
    await batcher.write(photo);
    expect(sent[0]).not.toBe(photo.buffer);
    expect(photo.byteLength).toBe(5);
    expect([...new Uint8Array(sent[0])]).toEqual([1, 2, 3, 4, 5]);
  });

  it('waits for acknowledgements beyond maxInFlight batches', async () => {
    const { batches, send } = collector();
    const batcher = createChunkBatcher({ batchBytes: 1, maxInFlight: 2, send });
    await batcher.write(range(0, 1));
    await batcher.write(range(1, 1));
    let third = false;
    const writing = batcher.write(range(2, 1)).then(() => {
      third = true;
    });
    // Give the pending write every chance to run: it must still be waiting.
    for (let i = 0; i < 10; i += 1) {
      await Promise.resolve();
    }
    expect(third).toBe(false);
    expect(batches).toHaveLength(2);
    batcher.acknowledge();
    await writing;
    expect(third).toBe(true);
    expect(batches).toEqual([[0], [1], [2]]);
    expect(batcher.counts).toEqual({ sent: 3, acknowledged: 1 });
  });
});
