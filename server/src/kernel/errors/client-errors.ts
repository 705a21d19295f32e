import { STATUS_CODES, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiErrorBody } from './api-errors';

/** What Node's HTTP parser could not read, in the API's words. */
function describe(code: string | undefined): ApiErrorBody {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      statusCode: 431,
      error: STATUS_CODES[431]!,
      message: 'The URL or the headers are too large (16 KB at most); send fewer or shorter query parameters.',
    };
  }
  if (code === 'HPE_REQUEST_TIMEOUT' || code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { statusCode: 408, error: STATUS_CODES[408]!, message: 'The request did not arrive in time.' };
  }
  return {
    statusCode: 400,
    error: STATUS_CODES[400]!,
    message: 'The request is not valid HTTP.',
    errors: { request: 'is not valid HTTP' },
  };
}

/**
 * A request Node's HTTP parser cannot read (a URL or headers over 16 KB, a malformed request
 * line) never reaches Express: Node answers it with a bare status line and no body. This answers
 * in the API's JSON error shape instead, then closes the connection, as Node does.
 */
export function answerUnreadableRequestsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = describe(error.code);
    const body = JSON.stringify(answer);
    socket.end(
      `HTTP/1.1 ${answer.statusCode} ${answer.error}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
