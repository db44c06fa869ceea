/**
 * The Word records of the inspection package made on other cores in Node, as the app's export worker makes them in
 * nested Web Workers: worker_threads running scripts/bench/minutesThread.ts, bundled by esbuild (a thread cannot
 * load TypeScript through tsx).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { createMinutesPool, type MinutesPool, type MinutesResponse } from '../../shared/package/minutesPool';

/** As many threads as the app uses: one fewer than the cores, at least one, at most three. */
export function minutesThreadCount(cores = availableParallelism()): number {
  return Math.max(1, Math.min(3, cores - 1));
}

export async function startMinutesPool(size = minutesThreadCount()): Promise<MinutesPool & { size: number; close(): Promise<void> }> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./minutesThread.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const dir = await mkdtemp(join(tmpdir(), 'minutes-pool-'));
  const file = join(dir, 'minutesThread.mjs');
  await writeFile(file, bundled.outputFiles[0].contents);
  const workers = Array.from({ length: size }, () => new Worker(file));
  const pool = createMinutesPool(
    workers.map((worker) => ({
      post: (request) => worker.postMessage(request),
      listen: (handler) => worker.on('message', (response: MinutesResponse) => handler(response)),
      listenError: (handler) => worker.on('error', (error) => handler(error.message)),
    })),
  );
  return {
    ...pool,
    size,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
