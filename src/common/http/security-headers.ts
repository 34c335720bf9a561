import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's options. Without upgrade-insecure-requests: behind a TLS-terminating balancer that is its job, and over
 * plain http on an internal address it would send the browser to https for the Swagger UI's script and styles (served
 * from /docs, 'self'), and leave /docs blank.
 */
export const HELMET_OPTIONS = {
  crossOriginEmbedderPolicy: false,
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
} as const;

/**
 * The security headers helmet sets, worked out once: with these options they depend on nothing of the request or
 * the response, so every answer gets the same list, set in one loop rather than through helmet's twelve nested
 * middlewares (a test checks that helmet gives a real response exactly these).
 */
export function securityHeaders(): readonly (readonly [name: string, value: string])[] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // X-Powered-By, which Express is told not to send (app.setup).
    removeHeader: () => undefined,
  };
  let passed = false;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    passed = error === undefined;
  });
  if (!passed) throw new Error('helmet did not pass a request on at once: its headers cannot be worked out ahead');
  return headers;
}
