import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response } from 'express';
import { AppError } from '../errors/app-error';
import { sendError } from '../errors/error-answer';
import { defaultMessage, ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/error-status';
import { responseInProgress, setServerOptions } from '../library-internals';
import { answeredBeforeItsBody } from './unread-bodies';

/**
 * Requests that Node's HTTP parser refuses before any route sees them (headers too large, a malformed
 * request line, a request that took too long) get a `{code, message}` answer too, and the connection
 * closes, instead of Node's bare status line; each is counted in `http_errors_total` as the others are. So do
 * two that Node would otherwise answer by itself: a CONNECT (no route of this service; Node would drop the
 * connection without a word) and an HTTP/1.1 request without a Host header (Node's empty 400;
 * {@link missingHostHeader} refuses it instead). A request whose body does not arrive in time is answered 408
 * through its own response, as the service's other answers are.
 */
/** `countAnswer` counts an answer written straight to the socket (the metrics of the app, given by app.setup). */
export function answerClientErrors(server: Server, countAnswer: (code: ErrorCode, status: number) => void): void {
  const refuse = (socket: Duplex, code: ErrorCode) => {
    const handled = handledResponse(socket);
    if (handled !== undefined) {
      // The bytes Node cannot read follow a complete request that a handler is answering (pipelined): that
      // request's answer is its handler's, which may have written already. It goes out, then the connection
      // closes; the unreadable bytes get no answer of their own.
      if (!handled.headersSent) handled.setHeader('Connection', 'close');
      handled.once('finish', () => socket.destroy());
      return;
    }
    const response = unansweredResponse(socket);
    if (response !== undefined) {
      // Counted by the request observer once sent, as every answer of a request.
      sendError(response, code, defaultMessage(code), { Connection: 'close' });
    } else if (answer(socket, code)) {
      countAnswer(code, httpStatusOf(code));
    }
  };
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    refuse(
      socket,
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ErrorCode.HeadersTooLarge
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ErrorCode.RequestTimeout
          : ErrorCode.MalformedRequest,
    );
  });
  server.on('connect', (_request: unknown, socket: Duplex) => refuse(socket, ErrorCode.NotFound));
  setServerOptions(server, { requireHostHeader: false });
}

/** The refusal of an HTTP/1.1 request without a Host header (RFC 9112, section 3.2), as Node's, but in JSON. */
export function missingHostHeader(request: Request): AppError | undefined {
  return request.httpVersion === '1.1' && request.headers.host === undefined
    ? new AppError(ErrorCode.MalformedRequest, 'An HTTP/1.1 request needs a Host header.')
    : undefined;
}

/** The response of the request in progress on the connection, once that request has arrived whole. */
function handledResponse(socket: Duplex): Response | undefined {
  const inProgress = responseInProgress(socket);
  return inProgress?.req?.complete === true && !inProgress.writableFinished ? (inProgress as Response) : undefined;
}

/** The response of the request in progress on the connection, when the service has not started to send it. */
function unansweredResponse(socket: Duplex): Response | undefined {
  const inProgress = responseInProgress(socket);
  return socket.writable && inProgress?.headersSent === false && typeof inProgress.status === 'function'
    ? (inProgress as Response)
    : undefined;
}

/** Writes the answer and closes the connection; false when the connection could take no answer. */
function answer(socket: Duplex, code: ErrorCode): boolean {
  // Never a second answer on a connection whose request was answered (Node checks the answer in progress only).
  const inProgress = responseInProgress(socket);
  if (!socket.writable || inProgress?.headersSent === true || answeredBeforeItsBody(socket)) {
    socket.destroy();
    return false;
  }
  const status = httpStatusOf(code);
  const body = JSON.stringify({ code, message: defaultMessage(code) });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      body,
  );
  return true;
}
