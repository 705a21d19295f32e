import { ConfigError, loadConfig } from './app-config';

const trustProxy = (value: string) => loadConfig({ TRUST_PROXY: value }, '/srv/chronicle').trustProxy;

describe('TRUST_PROXY', () => {
  it('trusts nobody unless told', () => {
    expect(loadConfig({}, '/srv/chronicle').trustProxy).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('0')).toBe(false);
  });

  it.each(['true', 'TRUE', ' true ', 'yes', 'on'])(
    'refuses %j: every client would choose the address its logins are throttled by',
    (value) => {
      expect(() => trustProxy(value)).toThrow(ConfigError);
      expect(() => trustProxy(value)).toThrow(
        /^TRUST_PROXY=\S+ would believe any client's X-Forwarded-For.*number of proxies.*addresses or subnets/,
      );
    },
  );

  it('takes a number of proxies in front of Chronicle', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(() => trustProxy('11')).toThrow(/TRUST_PROXY must be a number of proxies from 1 to 10, got "11"/);
  });

  it("takes the proxies' addresses and subnets, and proxy-addr's names for them", () => {
    expect(trustProxy('loopback')).toEqual(['loopback']);
    expect(trustProxy('loopback, 10.0.0.0/8,192.0.2.7, 10.1.0.0/255.255.0.0, 2001:db8::/32, ::1, uniquelocal, linklocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.0.2.7',
      '10.1.0.0/255.255.0.0',
      '2001:db8::/32',
      '::1',
      'uniquelocal',
      'linklocal',
    ]);
  });

  it.each([
    'proxy.example.org',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/8/8',
    '10.0.0.0/',
    '2001:db8::/255.0.0.0',
    'loopback,',
    '-1',
    '1.5',
  ])('refuses %j, naming what it takes', (value) => {
    expect(() => trustProxy(value)).toThrow(ConfigError);
    expect(() => trustProxy(value)).toThrow(/^TRUST_PROXY must be a number of proxies, or addresses and subnets of proxies .*is neither$/);
  });
});

describe('PUBLIC_READ', () => {
  const publicRead = (value: string) => loadConfig({ PUBLIC_READ: value }, '/srv/chronicle').auth.publicRead;

  it('is off by default, all with true, verified statements only with verified', () => {
    expect(loadConfig({}, '/srv/chronicle').auth.publicRead).toBe(false);
    expect(publicRead('false')).toBe(false);
    expect(publicRead('true')).toBe('all');
    expect(publicRead('1')).toBe('all');
    expect(publicRead('verified')).toBe('verified');
    expect(publicRead('Verified')).toBe('verified');
  });

  it('refuses anything else, naming the values it takes', () => {
    expect(() => publicRead('drafts')).toThrow('PUBLIC_READ must be false, true or verified, got "drafts"');
  });
});

describe('EXPORTS_PER_USER, EXPORTS_TOTAL, EXPORT_STALL_SECONDS', () => {
  const exportLimits = (env: Record<string, string>) => loadConfig(env, '/srv/chronicle').exports;

  it('defaults to 2 per account, 4 in all and a minute, and never more than half the pool', () => {
    expect(exportLimits({})).toEqual({ perUser: 2, total: 4, stallTimeoutMs: 60_000 });
    expect(exportLimits({ DB_POOL_SIZE: '6' })).toEqual({ perUser: 2, total: 3, stallTimeoutMs: 60_000 });
    expect(exportLimits({ DB_POOL_SIZE: '2' })).toEqual({ perUser: 1, total: 1, stallTimeoutMs: 60_000 });
    expect(exportLimits({ DB_POOL_SIZE: '1' })).toEqual({ perUser: 1, total: 1, stallTimeoutMs: 60_000 });
  });

  it('takes other limits within the pool', () => {
    expect(exportLimits({ EXPORTS_PER_USER: '1', EXPORTS_TOTAL: '5', EXPORT_STALL_SECONDS: '30' })).toEqual({
      perUser: 1,
      total: 5,
      stallTimeoutMs: 30_000,
    });
    expect(exportLimits({ DB_POOL_SIZE: '40', EXPORTS_TOTAL: '20', EXPORTS_PER_USER: '20' })).toEqual({
      perUser: 20,
      total: 20,
      stallTimeoutMs: 60_000,
    });
  });

  it('refuses a total beyond half the pool, saying why', () => {
    expect(() => exportLimits({ EXPORTS_TOTAL: '6' })).toThrow(
      'EXPORTS_TOTAL must be an integer between 1 and 5 (half of DB_POOL_SIZE=10: the other half stays for the rest of the API), got "6"',
    );
    expect(() => exportLimits({ DB_POOL_SIZE: '4', EXPORTS_TOTAL: '4' })).toThrow(/^EXPORTS_TOTAL must be an integer between 1 and 2 /);
  });

  it('refuses more per account than in all, and what is not a count', () => {
    expect(() => exportLimits({ EXPORTS_PER_USER: '5' })).toThrow(
      'EXPORTS_PER_USER must be an integer between 1 and 4 (EXPORTS_TOTAL is 4), got "5"',
    );
    expect(() => exportLimits({ EXPORTS_PER_USER: '0' })).toThrow(ConfigError);
    expect(() => exportLimits({ EXPORTS_TOTAL: 'many' })).toThrow(ConfigError);
    expect(() => exportLimits({ EXPORT_STALL_SECONDS: '0' })).toThrow(
      'EXPORT_STALL_SECONDS must be an integer between 1 and 3600, got "0"',
    );
  });
});
