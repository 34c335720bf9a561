import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { checkHost, policyFor, type TargetPolicyOptions, urlRefusal } from './target-policy';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

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

  send(callbackUrl: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    const started = Date.now();
    const done = (result: Omit<SendResult, 'durationMs'>): SendResult => ({
      ...result,
      durationMs: Date.now() - started,
    });
    const refusal = urlRefusal(callbackUrl, this.policy);
    if (refusal !== null) {
      return Promise.resolve(done({ ok: false, statusCode: null, error: `refused target: ${refusal}` }));
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
                ? { ok: true, statusCode, error: null }
                : {
                    ok: false,
                    statusCode,
                    error: statusCode >= 300 && statusCode < 400 ? 'redirect not followed' : `HTTP ${statusCode}`,
                  },
            );
          response.on('end', settle);
          response.on('close', settle);
          response.on('error', settle);
        },
      );
      const deadline = setTimeout(() => {
        req.destroy();
        finish({ ok: false, statusCode: null, error: `no answer within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
      req.on('error', (error: Error) => finish({ ok: false, statusCode: null, error: error.message.slice(0, 300) }));
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
            callback(new Error(`refused target: ${refusal}`), '', 0);
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
