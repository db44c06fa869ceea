/**
 * What a worker may cost before the page gives up on it. A worker that dies (its `error` event: a crash, memory
 * exhausted) or stays silent too long is terminated and the user reads one message; the page stays usable.
 * The archive limits (shared/zip/limits.ts) keep every read bounded, so these are the last line, not the first.
 */
export const UNREADABLE_FILE = '文件过大或已损坏，无法读取';

export interface WorkerBudget {
  /** No message (progress or result) for this long: the worker is stuck. */
  silenceMs: number;
  /** The whole job. */
  totalMs: number;
}

/** Reading a ledger or verifying packages: both report progress many times a second while they work. */
export const READ_BUDGET: WorkerBudget = { silenceMs: 60_000, totalMs: 10 * 60_000 };

/** Calls `exceeded` once when the budget runs out; `touch` on every message from the worker, `stop` when done. */
export function watchWorker(budget: WorkerBudget, exceeded: () => void): { touch: () => void; stop: () => void } {
  let silence: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    stop();
    exceeded();
  };
  const total = setTimeout(fire, budget.totalMs);
  const touch = () => {
    clearTimeout(silence);
    silence = setTimeout(fire, budget.silenceMs);
  };
  const stop = () => {
    clearTimeout(silence);
    clearTimeout(total);
  };
  touch();
  return { touch, stop };
}
