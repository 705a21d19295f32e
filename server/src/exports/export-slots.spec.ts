import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { ExportSlots, TooManyExports } from './export-slots';

/** Just enough of an Express response: its request, its buffer's state, drain and destroy. */
function fakeResponse(request: { principal?: { user: { id: number } }; ip?: string }) {
  const response = Object.assign(new EventEmitter(), {
    req: { path: '/api/statements.csv', ...request },
    writableNeedDrain: false,
    destroyed: false,
    socket: { bytesWritten: 0 },
    destroy() {
      this.destroyed = true;
    },
  });
  return response as typeof response & Response;
}

const account = (id: number) => fakeResponse({ principal: { user: { id } } });
const address = (ip: string) => fakeResponse({ ip });

/** An export that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('ExportSlots', () => {
  afterEach(() => jest.useRealTimers());

  it('admits 2 per account and 4 in all, and frees a slot when its export settles', async () => {
    const slots = new ExportSlots({ perUser: 2, total: 4, stallTimeoutMs: 60_000 });
    const running = [held(), held(), held(), held()];
    const started = [
      slots.run(account(1), running[0].work),
      slots.run(account(1), running[1].work),
      slots.run(address('2001:db8::1'), running[2].work),
      slots.run(address('2001:db8::2'), running[3].work),
    ];
    expect(slots.underWay).toBe(4);
    await expect(slots.run(account(1), async () => undefined)).rejects.toThrow(/this account already streams 2.*EXPORTS_PER_USER = 2/);
    // The same /64: one reader.
    await expect(slots.run(address('2001:db8::3'), async () => undefined)).rejects.toThrow(/this address already streams 2/);
    await expect(slots.run(account(2), async () => undefined)).rejects.toThrow(/the server already streams 4.*EXPORTS_TOTAL = 4/);
    running[0].finish();
    await started[0];
    expect(slots.underWay).toBe(3);
    await slots.run(account(2), async () => undefined);
    // A failed export frees its slot too.
    await expect(
      slots.run(account(3), async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    expect(slots.underWay).toBe(3);
    for (const r of running.slice(1)) r.finish();
    await Promise.all(started);
    expect(slots.underWay).toBe(0);
  });

  it("frees the reader's count when its response is finished, the total only when the export settles", async () => {
    const slots = new ExportSlots({ perUser: 1, total: 2, stallTimeoutMs: 60_000 });
    const first = account(1);
    const committing = held();
    const started = slots.run(first, committing.work);
    await expect(slots.run(account(1), async () => undefined)).rejects.toThrow(/this account already streams 1/);
    // The client has the whole file; the export commits a moment later.
    first.emit('finish');
    first.emit('close');
    const next = held();
    const second = slots.run(account(1), next.work);
    expect(slots.underWay).toBe(2);
    // The pool's share is still taken by the one committing.
    await expect(slots.run(account(2), async () => undefined)).rejects.toThrow(/the server already streams 2/);
    committing.finish();
    await started;
    expect(slots.underWay).toBe(1);
    next.finish();
    await second;
    expect(slots.underWay).toBe(0);
    // Counted once: the reader's count is not taken back twice.
    await slots.run(account(1), async () => undefined);
  });

  it('refuses with 429 and Retry-After', async () => {
    const slots = new ExportSlots({ perUser: 1, total: 1, stallTimeoutMs: 60_000 });
    const running = held();
    const started = slots.run(account(1), running.work);
    const refusal = await slots.run(account(2), async () => undefined).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooManyExports);
    expect([(refusal as TooManyExports).getStatus(), (refusal as TooManyExports).retryAfterSeconds]).toEqual([429, 10]);
    running.finish();
    await started;
  });

  it('drops a response whose reader takes nothing for the stall timeout, never one that drains', async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const slots = new ExportSlots({ perUser: 2, total: 4, stallTimeoutMs: 1_000 });
    const stalled = account(1);
    const slow = account(1);
    const running = [held(), held()];
    const started = [slots.run(stalled, running[0].work), slots.run(slow, running[1].work)];
    stalled.writableNeedDrain = true;
    slow.writableNeedDrain = true;
    for (let ms = 0; ms < 5_000; ms += 100) {
      jest.advanceTimersByTime(100);
      // The slow reader takes something every 900 ms: its buffer drains, and fills again.
      if (ms % 900 === 0) slow.emit('drain');
    }
    expect([stalled.destroyed, slow.destroyed]).toEqual([true, false]);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(/^Export \/api\/statements\.csv for account 1 dropped: its reader took nothing for 1\.\d s/),
    ]);
    warn.mockRestore();
    for (const r of running) r.finish();
    await Promise.all(started);
  });
});
