import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { checkHost, policyFor, type TargetPolicyOptions, urlRefusal } from './target-policy';

/** Why a callback was not delivered. */
export enum SendFailure {
  /** The receiver answered, but not 2xx (nor 3xx). */
  HttpStatus = 'HTTP_STATUS',
  /** A 3xx: redirects are not followed. */
  Redirect = 'REDIRECT',
  /** No answer within the timeout. */
  Timeout = 'TIMEOUT',
  /** The target policy refused the URL or the address its host resolves to: no connection was made. */
  TargetRefused = 'TARGET_REFUSED',
  /** The TLS handshake failed (certificate expired, self-signed, for another name...). */
  Tls = 'TLS',
  /** No connection, or it broke: refused, reset, the host name does not resolve. */
  Connection = 'CONNECTION',
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** Null when delivered. */
  failure: SendFailure | null;
  durationMs: number;
}

const REFUSED_TARGET = 'refused target: ';

const MAX_RESPONSE_BYTES = 64 * 1024;
const USER_AGENT = 'calls-api-webhooks/1.0';

/**
 * POSTs one callback. The target is checked again at every delivery: the URL by the policy, and the
 * address the host resolves to right now, which is the address the connection is then made to (a host
 * cannot resolve to a public address for the check and a private one for the request). Redirects are not
 * followed: a 3xx is a failed delivery. Only a 2xx within the timeout counts as delivered.
 */
@Injectable()
export class WebhookSender {
  private readonly policy: TargetPolicyOptions;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = { allowLoopbackHttp: config.webhooks.allowLoopbackHttp };
    this.timeoutMs = config.webhooks.timeoutMs;
  }

  /** `timeoutMs`: shorter than WEBHOOK_TIMEOUT_MS when the caller must answer within a deadline of its own. */
  send(
    callbackUrl: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs = this.timeoutMs,
  ): Promise<SendResult> {
    const started = Date.now();
    const done = (result: Omit<SendResult, 'durationMs'>): SendResult => ({
      ...result,
      durationMs: Date.now() - started,
    });
    const refusal = urlRefusal(callbackUrl, this.policy);
    if (refusal !== null) {
      return Promise.resolve(
        done({ ok: false, statusCode: null, error: `${REFUSED_TARGET}${refusal}`, failure: SendFailure.TargetRefused }),
      );
    }
    const url = new URL(callbackUrl);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(done(result));
      };
      const req = request(
        url,
        {
          method: 'POST',
          lookup: this.checkedLookup(policyFor(url, this.policy)),
          agent: false,
          headers: {
            ...headers,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'User-Agent': USER_AGENT,
          },
        },
        (response: IncomingMessage) => {
          const statusCode = response.statusCode ?? 0;
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > MAX_RESPONSE_BYTES) response.destroy();
          });
          const settle = () =>
            finish(
              statusCode >= 200 && statusCode < 300
                ? { ok: true, statusCode, error: null, failure: null }
                : statusCode >= 300 && statusCode < 400
                  ? { ok: false, statusCode, error: 'redirect not followed', failure: SendFailure.Redirect }
                  : { ok: false, statusCode, error: `HTTP ${statusCode}`, failure: SendFailure.HttpStatus },
            );
          response.on('end', settle);
          response.on('close', settle);
          response.on('error', settle);
        },
      );
      const deadline = setTimeout(() => {
        req.destroy();
        finish({
          ok: false,
          statusCode: null,
          error: `no answer within ${timeoutMs} ms`,
          failure: SendFailure.Timeout,
        });
      }, timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ ok: false, statusCode: null, error: error.message.slice(0, 300), failure: connectionFailure(error) }),
      );
      req.end(body);
    });
  }

  /**
   * DNS lookup that refuses a host when any of its addresses may not be connected to, with the same check
   * as subscribing (`policy` is the URL's). The request's own deadline bounds it.
   */
  private checkedLookup(policy: TargetPolicyOptions): LookupFunction {
    return (hostname, options, callback) => {
      checkHost(hostname, policy, { family: options.family }).then(
        ({ addresses, refusal }) => {
          if (addresses === null) {
            callback(new Error(`${REFUSED_TARGET}${refusal}`), '', 0);
          } else if (options.all === true) {
            callback(null, addresses);
          } else {
            callback(null, addresses[0].address, addresses[0].family);
          }
        },
        (error: Error) => callback(error, '', 0),
      );
    };
  }
}

/** Why a request failed before any answer. TLS errors carry OpenSSL's certificate codes or Node's ERR_TLS_* and ERR_SSL_* ones. */
const TLS_ERROR_CODE = /^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

export function connectionFailure(error: NodeJS.ErrnoException): SendFailure {
  if (error.message.startsWith(REFUSED_TARGET)) return SendFailure.TargetRefused;
  return TLS_ERROR_CODE.test(error.code ?? '') ? SendFailure.Tls : SendFailure.Connection;
}
