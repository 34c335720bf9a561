import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Webhook-Timestamp';
export const SIGNATURE_HEADER = 'X-Webhook-Signature';
export const DELIVERY_HEADER = 'X-Webhook-Delivery';

/**
 * The signature of a callback: `sha256=` and the hex HMAC-SHA256, keyed with the subscription's secret, of
 * the timestamp (epoch seconds, as sent in X-Webhook-Timestamp), a dot, and the raw body.
 */
export function signCallback(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of every callback (real or ping): the attempt's id, the timestamp and the signature. */
export function callbackHeaders(
  secret: string,
  timestampSeconds: number,
  body: string,
  deliveryId: string,
): Record<string, string> {
  return {
    [DELIVERY_HEADER]: deliveryId,
    [TIMESTAMP_HEADER]: String(timestampSeconds),
    [SIGNATURE_HEADER]: signCallback(secret, timestampSeconds, body),
  };
}

/**
 * What a receiver does (docs/webhooks.md shows the same in a few lines): recompute the signature, compare it in
 * constant time, and refuse a timestamp more than `toleranceSeconds` away from now (a replay).
 */
export function verifyCallback(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signCallback(secret, timestamp, body));
  const actual = Buffer.from(headers.signature ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
