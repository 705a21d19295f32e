import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };

  it('stops an account after its limit of failures within the window, and lets it go after', () => {
    let now = 0;
    const throttle = new LoginThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) throttle.fail('a@x', `10.0.0.${i}`);
    expect(throttle.retryAfter('a@x', '10.9.9.9')).toBe(60);
    expect(throttle.retryAfter('b@x', '10.9.9.9')).toBe(0);
    now = 30_000;
    expect(throttle.retryAfter('a@x', '10.9.9.9')).toBe(30);
    now = 60_001;
    expect(throttle.retryAfter('a@x', '10.9.9.9')).toBe(0);
  });

  it('stops an address after its limit whatever the accounts; success clears the account only', () => {
    const throttle = new LoginThrottle(limits, () => 0);
    for (let i = 0; i < 5; i++) throttle.fail(`user${i}@x`, '10.0.0.1');
    expect(throttle.retryAfter('new@x', '10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.retryAfter('new@x', '10.0.0.2')).toBe(0);
    throttle.fail('c@x', '10.0.0.3');
    throttle.fail('c@x', '10.0.0.3');
    throttle.succeed('c@x');
    throttle.fail('c@x', '10.0.0.4');
    expect(throttle.retryAfter('c@x', '10.0.0.5')).toBe(0);
  });
});
