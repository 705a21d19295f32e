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
