import { BadRequestException } from '@nestjs/common';
import { parseQueryString } from './query-string';

function errorsOf(text: string): Record<string, string> {
  try {
    parseQueryString(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a 400');
}

describe('parseQueryString', () => {
  it('reads keys once, repeated keys as arrays, + as space, a bare key as empty', () => {
    expect({ ...parseQueryString('a=1&b=x+y%20z&a=2&c&&d=') }).toEqual({ a: ['1', '2'], b: 'x y z', c: '', d: '' });
    expect({ ...parseQueryString('') }).toEqual({});
    expect({ ...parseQueryString(undefined) }).toEqual({});
  });

  it('keeps bracket syntax and prototype words as plain keys', () => {
    const query = parseQueryString('a[b]=1&__proto__=2&constructor=3');
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.keys(query)).toEqual(['a[b]', '__proto__', 'constructor']);
  });

  // Found by the bad-input fuzzer: Node's querystring read %FF as U+FFFD (q=abc%FF searched for
  // "abc\uFFFD"), and stopped after 1,000 pairs, dropping the rest without a word.
  it('refuses what is not percent-encoded UTF-8, naming the key', () => {
    expect(errorsOf('q=abc%FF')).toEqual({ q: 'is not valid percent-encoded UTF-8' });
    expect(errorsOf('id=1&id=%C3%28&_sort=%E0%80%80')).toEqual({
      id: 'is not valid percent-encoded UTF-8',
      _sort: 'is not valid percent-encoded UTF-8',
    });
    expect(errorsOf('%FF=1')).toEqual({ '%FF': 'is not valid percent-encoded UTF-8' });
    expect(errorsOf('q=%')).toEqual({ q: 'is not valid percent-encoded UTF-8' });
  });

  it('reads every pair, past 1,000', () => {
    const query = parseQueryString(Array.from({ length: 1500 }, (_, i) => `id=${i + 1}`).join('&'));
    expect(query.id).toHaveLength(1500);
  });
});
