import { DEFAULT_AUTH_OPTIONS } from './auth-options';
import { defaultPasswordHashSlots, PasswordHashing, PasswordHashingBusy } from './password-hashing';

describe('PasswordHashing', () => {
  it('has one slot per core but one (at least one), leaving a thread of libuv’s pool free', () => {
    expect(defaultPasswordHashSlots({}, 1)).toBe(1);
    expect(defaultPasswordHashSlots({}, 2)).toBe(1);
    expect(defaultPasswordHashSlots({}, 3)).toBe(2);
    expect(defaultPasswordHashSlots({}, 16)).toBe(3);
    expect(defaultPasswordHashSlots({ UV_THREADPOOL_SIZE: '16' }, 8)).toBe(7);
    expect(defaultPasswordHashSlots({ UV_THREADPOOL_SIZE: '1' }, 8)).toBe(1);
  });

  it('refuses at once (503, Retry-After) beyond its slots, and frees a slot when its work settles', async () => {
    const hashing = new PasswordHashing({ ...DEFAULT_AUTH_OPTIONS, passwordHashSlots: 2 });
    const release: (() => void)[] = [];
    const held = () => hashing.run(() => new Promise<void>((resolve) => release.push(resolve)));
    const first = held();
    const second = held();
    const refused = await held().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PasswordHashingBusy);
    expect(refused).toMatchObject({ retryAfterSeconds: 1, status: 503 });
    release[0]();
    await first;
    const third = held();
    release[1]();
    release[2]();
    await Promise.all([second, third]);
    await expect(hashing.run(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(hashing.run(async () => 'free again')).resolves.toBe('free again');
  });
});
