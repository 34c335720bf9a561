import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { defaultMessage, ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/error-status';

/**
 * Requests that Node's HTTP parser refuses before any route sees them (headers too large, a malformed
 * request line, a request that took too long) get a `{code, message}` answer too, and the connection
 * closes, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const code =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ErrorCode.HeadersTooLarge
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ErrorCode.RequestTimeout
          : ErrorCode.MalformedRequest;
    const status = httpStatusOf(code);
    const body = JSON.stringify({ code, message: defaultMessage(code) });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  });
}
