/** http(s), then nothing a Markdown autolink or a reader would end the address at: no whitespace, no control character, no `<` or `>`. */
const LINKABLE = /^https?:\/\/[^\s<>\p{Cc}]+$/iu;

/**
 * A source's address as a report may link it, or undefined: only a web address is ever
 * written as a link. The API takes no other (the DTO, and the database's chk_sources_url since
 * RequireWebSourceUrls), but a report must not depend on that: a `javascript:` address from an
 * older restore or from SQL would run in the reader's browser. Such an address is left out.
 */
export function webLink(url: string | null | undefined): string | undefined {
  if (!url || !LINKABLE.test(url)) return undefined;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
