import { xmlText } from './xml-text';

describe('xmlText', () => {
  it('escapes markup and drops what XML 1.0 cannot hold', () => {
    expect(xmlText('A & B <"C"> \'D\'')).toBe('A &amp; B &lt;&quot;C&quot;&gt; &apos;D&apos;');
    expect(xmlText('bell\u0007 tab\t nl\n lone\uD800 pair\uD83D\uDE00 \uFFFE')).toBe('bell tab\t nl\n lone pair\uD83D\uDE00 ');
    expect(xmlText(-1.5)).toBe('-1.5');
  });
});
