import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

/**
 * A client of the Calls API: `GET`, `POST`, `PATCH`, `DELETE` of its paths, typed by the generated `schema.d.ts`, of
 * the answers' `application/json` representation, the one it asks for (not `application/json; int64=string`).
 */
export type CallsApiClient = Client<paths, 'application/json'>;

export interface CallsApiOptions extends Omit<ClientOptions, 'bodySerializer'> {
  /** The instance, such as `https://calls.example.com` (the document's server is relative). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; without it, only the token endpoint and the health probes answer. */
  accessToken?: string;
}

/**
 * An openapi-fetch client that keeps every int64 exact. The service writes ids as exact JSON numbers, also above 2^53
 * (9007199254740993), which `JSON.parse` rounds; this client reads them with {@link parseJson} (a number below 2^53,
 * a bigint from 2^53 on, as `schema.d.ts` types them: `number | bigint`) and writes bodies with lossless-json, which
 * writes a bigint as the number it is. A bigint in a path or a query goes out as its digits. (An error's body, which
 * openapi-fetch reads with `JSON.parse`, holds no id.)
 */
export function createCallsApiClient(options: CallsApiOptions): CallsApiClient {
  const { accessToken, fetch: fetchImpl = (request: Request) => globalThis.fetch(request), ...rest } = options;
  const client = createClient<paths, 'application/json'>({
    ...rest,
    fetch: losslessJsonFetch(fetchImpl),
    bodySerializer: (body: unknown) => stringify(body),
  });
  if (accessToken !== undefined) {
    client.use({ onRequest: ({ request }) => request.headers.set('Authorization', `Bearer ${accessToken}`) });
  }
  return client;
}

/** JSON.parse, except that an integer from 2^53 on (or -2^53 down) becomes a bigint with all its digits. */
export function parseJson(text: string): unknown {
  return parse(text, null, (value) =>
    isInteger(value) && !isSafeNumber(value) ? BigInt(value) : Number.parseFloat(value),
  );
}

/** Statuses whose answer has no body: a Response cannot be made with one. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `fetch`, with the JSON answers read losslessly. openapi-fetch reads a JSON body with `response.json()`, or with
 * `JSON.parse` when the answer has no Content-Length (a proxy may send it chunked): so a JSON answer is given back
 * buffered, with its Content-Length, and a `json()` that parses with {@link parseJson}.
 */
function losslessJsonFetch(fetchImpl: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await fetchImpl(request);
    const type = response.headers.get('Content-Type') ?? '';
    if (NO_BODY.has(response.status) || !/^application\/(.+\+)?json\b/i.test(type)) return response;
    const text = await response.text();
    const headers = new Headers(response.headers);
    // The text is decoded already: its length is that of the text, whatever encoding it travelled in.
    headers.delete('Content-Encoding');
    headers.set('Content-Length', String(new TextEncoder().encode(text).byteLength));
    const buffered = new Response(text, { status: response.status, statusText: response.statusText, headers });
    Object.defineProperties(buffered, {
      url: { value: response.url },
      json: { value: () => Promise.resolve(parseJson(text)) },
    });
    return buffered;
  };
}
