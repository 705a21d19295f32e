import { clientGroup } from './client-address';
import { LoginAttempt, LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const limits = { perAccountAndAddress: 2, perAccount: 4, perAddress: 5, windowMs: 60_000, knownForMs: 600_000 };
  let now = 0;
  const throttle = () => new LoginThrottle(limits, () => now);
  beforeEach(() => (now = 0));

  /** Admits an attempt (failing the test if it is refused). */
  const admit = (t: LoginThrottle, email: string, address: string): LoginAttempt => {
    const admission = t.begin(email, address);
    if (!admission.allowed) throw new Error(`refused ${email} from ${address}`);
    return admission.attempt;
  };
  const waitFor = (t: LoginThrottle, email: string, address: string) => {
    const admission = t.begin(email, address);
    return admission.allowed ? 0 : admission.retryAfterSeconds;
  };

  it('counts an attempt the moment it is admitted: concurrent guesses get no more than the limit', () => {
    const t = throttle();
    admit(t, 'a@x', '10.0.0.1');
    admit(t, 'a@x', '10.0.0.1');
    // Neither has been checked yet, and the third is refused all the same.
    expect(waitFor(t, 'a@x', '10.0.0.1')).toBe(60);
  });

  it('stops one address on one account first, then the account from everywhere, and lets it go after the window', () => {
    const t = throttle();
    admit(t, 'a@x', '10.0.0.1');
    admit(t, 'a@x', '10.0.0.1');
    expect(waitFor(t, 'a@x', '10.0.0.1')).toBe(60);
    // Another address may still try: one client cannot lock the account out.
    now = 10_000;
    admit(t, 'a@x', '10.0.0.2');
    admit(t, 'a@x', '10.0.0.2');
    // Four failures from two addresses: now the account is stopped from everywhere new.
    expect(waitFor(t, 'a@x', '10.0.0.3')).toBe(50);
    expect(waitFor(t, 'b@x', '10.0.0.3')).toBe(0);
    now = 60_001;
    expect(waitFor(t, 'a@x', '10.0.0.1')).toBe(0);
  });

  it('stops an address after its limit whatever the accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) admit(t, `user${i}@x`, '10.0.0.1');
    expect(waitFor(t, 'new@x', '10.0.0.1')).toBe(60);
    expect(waitFor(t, 'new@x', '10.0.0.2')).toBe(0);
  });

  it('keeps a known client signing in while its account or address is stopped for others', () => {
    const t = throttle();
    t.succeed(admit(t, 'owner@x', '10.0.0.1'));
    for (let i = 0; i < 4; i++) admit(t, 'owner@x', `10.6.0.${i}`); // a botnet on the account
    for (let i = 0; i < 5; i++) admit(t, `colleague${i}@x`, '10.0.0.1'); // spraying behind the owner's NAT
    expect(waitFor(t, 'owner@x', '10.9.9.9')).toBeGreaterThan(0);
    expect(waitFor(t, 'someone@x', '10.0.0.1')).toBeGreaterThan(0);
    expect(waitFor(t, 'owner@x', '10.0.0.1')).toBe(0);
    // Known for 10 minutes only.
    now = 600_001;
    admit(t, 'owner@x', `10.6.0.9`);
    admit(t, 'owner@x', `10.6.0.9`);
    admit(t, 'owner@x', `10.6.0.8`);
    admit(t, 'owner@x', `10.6.0.8`);
    expect(waitFor(t, 'owner@x', '10.0.0.1')).toBeGreaterThan(0);
  });

  it('forgives a client’s failures on success, and takes back an attempt whose password was not checked', () => {
    const t = throttle();
    admit(t, 'c@x', '10.0.0.3');
    t.succeed(admit(t, 'c@x', '10.0.0.3'));
    admit(t, 'c@x', '10.0.0.3');
    expect(waitFor(t, 'c@x', '10.0.0.3') || 'allowed').toBe('allowed'); // 1 failure since the success, then this one
    expect(waitFor(t, 'c@x', '10.0.0.3')).toBe(60);

    const u = throttle();
    for (let i = 0; i < 10; i++) u.cancel(admit(u, 'd@x', '10.0.0.4'));
    expect(waitFor(u, 'd@x', '10.0.0.4')).toBe(0);
  });

  it('counts an IPv6 client by its /64, and an IPv4 address written as IPv6 as that address', () => {
    const t = throttle();
    admit(t, 'e@x', '2001:db8:1:2::1');
    admit(t, 'e@x', '2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(waitFor(t, 'e@x', '2001:0db8:0001:0002:abcd::7')).toBe(60);
    expect(waitFor(t, 'e@x', '2001:db8:1:3::1')).toBe(0);
    expect(clientGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientGroup('::1')).toBe('0:0:0:0::/64');
    expect(clientGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientGroup('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(clientGroup('::ffff:a00:1')).toBe('10.0.0.1');
    expect(clientGroup('10.0.0.1')).toBe('10.0.0.1');
    expect(clientGroup('unknown')).toBe('unknown');
  });
});
