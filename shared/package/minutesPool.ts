import type { MeetingMinutes } from '../meetings';
import type { MinutesRenderer } from './build';
import { messageOf } from '../../shared/errors';

/**
 * A pool of threads that make 记录.docx files (renderMinutes of buildInspectionPackage), whatever the threads are:
 * Web Workers in the app's export worker, worker_threads in the bench. Each job goes to the thread with the fewest
 * jobs waiting; answers come back by id.
 */
export interface MinutesRequest {
  id: number;
  minutes: MeetingMinutes;
}

export type MinutesResponse = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** One thread as the pool sees it. */
export interface MinutesThread {
  post(request: MinutesRequest): void;
  /** Called once with the handler of every response of this thread. */
  listen(handler: (response: MinutesResponse) => void): void;
  /** Called once with the handler of a thread that failed (did not load, crashed): its jobs fail, it gets no more. */
  listenError?(handler: (message: string) => void): void;
}

export interface MinutesPool {
  render: MinutesRenderer;
  /** Jobs sent and not answered yet. */
  pending(): number;
}

export function createMinutesPool(threads: readonly MinutesThread[]): MinutesPool {
  if (threads.length === 0) {
    throw new Error('createMinutesPool needs at least one thread');
  }
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void; thread: number }>();
  const load = threads.map(() => 0);
  const dead = new Set<number>();
  let next = 0;
  const failure = (message: string) => new Error(`生成会议记录 Word 文件时出错：${message}`);
  threads.forEach((thread, index) => {
    thread.listenError?.((message) => {
      dead.add(index);
      for (const [id, job] of waiting) {
        if (job.thread === index) {
          waiting.delete(id);
          job.reject(failure(message));
        }
      }
    });
    thread.listen((response) => {
      const job = waiting.get(response.id);
      if (!job) {
        return;
      }
      waiting.delete(response.id);
      load[job.thread] -= 1;
      if ('error' in response) {
        job.reject(failure(response.error));
      } else {
        job.resolve(response.bytes);
      }
    });
  });
  return {
    render: (minutes) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const alive = load.map((jobs, index) => (dead.has(index) ? Infinity : jobs));
        const thread = alive.indexOf(Math.min(...alive));
        if (alive[thread] === Infinity) {
          reject(failure('没有可用的后台线程'));
          return;
        }
        const id = next;
        next += 1;
        load[thread] += 1;
        waiting.set(id, { resolve, reject, thread });
        threads[thread].post({ id, minutes });
      }),
    pending: () => waiting.size,
  };
}

/** What a pool thread runs for each request (the docx module is passed in so that it loads in the thread only). */
export async function answerMinutesRequest(
  request: MinutesRequest,
  render: (minutes: MeetingMinutes) => Promise<Uint8Array>,
): Promise<MinutesResponse> {
  try {
    return { id: request.id, bytes: await render(request.minutes) };
  } catch (error) {
    return { id: request.id, error: messageOf(error) };
  }
}
