import type { Response } from 'express';

export interface ReaderWatch {
  /** How long the response has waited for its reader to take anything; 0 while it has room to write. */
  waitingMs(): number;
  stop(): void;
}

/**
 * Calls `onStall` once when `response` has waited `stallMs` for its client to take anything:
 * the response's buffer is full (`writableNeedDrain`: the socket accepts nothing more, the
 * export behind it blocked on back-pressure) and has not drained since. A slow reader drains
 * it again and again and is never stalled; a response waiting for the database rather than for
 * its reader has room in its buffer and is not either.
 */
export function watchStalledReader(response: Response, stallMs: number, onStall: (waitedMs: number) => void): ReaderWatch {
  let progressAt = Date.now();
  const progress = () => (progressAt = Date.now());
  const waitingMs = () => (response.writableNeedDrain ? Date.now() - progressAt : 0);
  // A drain between two checks is progress the checks alone would not see.
  response.on('drain', progress);
  const check = () => {
    if (!response.writableNeedDrain) return progress();
    const waited = waitingMs();
    if (waited < stallMs) return;
    stop();
    onStall(waited);
  };
  // A tenth of the limit, so the drop comes at most 10 % late; within 50 ms and 1 s.
  const timer = setInterval(check, Math.min(1_000, Math.max(50, stallMs / 10)));
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    response.removeListener('drain', progress);
  };
  return { waitingMs, stop };
}
