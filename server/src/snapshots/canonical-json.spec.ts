import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members by UTF-16 code units, at every depth, with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
    // RFC 8785 §3.2.3's example: "\\u20ac" (€) sorts before "\\ud83d\\ude00" (😀) sorts before "\\ufb33".
    expect(canonicalJson({ '\ufb33': 3, '\ud83d\ude00': 2, '\u20ac': 1, '\r': 0 })).toBe(
      '{"\\r":0,"\u20ac":1,"\ud83d\ude00":2,"\ufb33":3}',
    );
  });

  it('writes numbers and strings as RFC 8785 does', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1 + 0.2, 333333333.3333333, 5e-324])).toBe(
      '[1e+21,1e-7,0,0.30000000000000004,333333333.3333333,5e-324]',
    );
    expect(canonicalJson('\u0000\u001f"\\/\u007f é')).toBe('"\\u0000\\u001f\\"\\\\/\u007f é"');
  });

  it('leaves out undefined members and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson(NaN)).toThrow('NaN has no JSON form');
    expect(() => canonicalJson([undefined])).toThrow('a undefined has no JSON form');
  });
});
