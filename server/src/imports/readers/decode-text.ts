import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { ImportFileError } from './source-rows';

/** Which text encoding a file's first bytes announce, and how many bytes that mark takes. */
function byteOrderMark(head: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

/**
 * A decoder for the encoding: a byte order mark's, or the charset the request declared (with it,
 * a Latin-1 file is unambiguous: `Content-Type: text/csv; charset=iso-8859-1`).
 */
function textDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new ImportFileError(`The charset "${encoding}" is not one this server decodes; send UTF-8.`, {}, 415);
  }
}

const NOT_UTF8 =
  'is not UTF-8 text: save it as "CSV UTF-8" (Excel) or with the character set Unicode (UTF-8) (LibreOffice). ' +
  'Latin-1 and Windows-1252 files are refused rather than guessed at';

/**
 * A text file's characters, decoded as it can be decoded without guessing: UTF-8 (with or
 * without a byte order mark), UTF-16 with its byte order mark, or the charset the request
 * declares. Bytes that are no UTF-8
 * (a Latin-1 or Windows-1252 file) and NUL characters (UTF-16 without a mark) are refused, as
 * the same bytes could mean different letters.
 */
export async function* decodeText(bytes: AsyncIterable<Buffer>, declaredCharset?: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let offset = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of bytes) {
    let data = chunk;
    if (!decoder) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      const { encoding, skip } = byteOrderMark(head);
      decoder = textDecoder(skip ? encoding : (declaredCharset ?? encoding));
      data = head.subarray(skip);
      offset = skip;
    }
    yield checked(decoder, data, offset, false);
    offset += data.length;
  }
  if (!decoder) {
    const { encoding, skip } = byteOrderMark(head);
    decoder = textDecoder(skip ? encoding : (declaredCharset ?? encoding));
    yield checked(decoder, head.subarray(skip), skip, false);
  }
  yield checked(decoder, Buffer.alloc(0), offset, true);
}

function checked(decoder: TextDecoder, data: Buffer, offset: number, last: boolean): string {
  let text: string;
  try {
    text = decoder.decode(data, { stream: !last });
  } catch {
    throw new ImportFileError(`The file ${NOT_UTF8} (an invalid byte near byte ${offset + firstInvalidByte(data)}).`, {}, 415);
  }
  if (text.includes('\u0000')) {
    throw new ImportFileError(
      'The file holds NUL characters: it may be UTF-16 without a byte order mark. Save it as UTF-8 (or UTF-16 with its mark).',
      {},
      415,
    );
  }
  return text;
}

/** Where the decoding failed, for the message: a prefix decodes until it reaches the bad byte (binary search). */
function firstInvalidByte(data: Buffer): number {
  const decodes = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = data.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The decoded text as a stream of strings (for parsers that take a stream). */
export const decodedStream = (bytes: AsyncIterable<Buffer>) => Readable.from(decodeText(bytes), { objectMode: false, encoding: 'utf8' });
