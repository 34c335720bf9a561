import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { HELMET_OPTIONS, securityHeaders } from './security-headers';

/** The headers helmet itself sets on a real response to a request with the given headers. */
function helmetOn(requestHeaders: Record<string, string>): [string, unknown][] {
  const request = new IncomingMessage(new Socket());
  request.method = 'GET';
  request.url = '/docs';
  request.headers = requestHeaders;
  const response = new ServerResponse(request);
  let passed = false;
  helmet(HELMET_OPTIONS)(request, response, () => (passed = true));
  expect(passed).toBe(true);
  return Object.entries(response.getHeaders());
}

describe('securityHeaders', () => {
  it("are exactly helmet's headers, in its order, whatever the request", () => {
    const ours = securityHeaders().map(([name, value]): [string, unknown] => [name.toLowerCase(), value]);
    expect(ours.map(([name]) => name)).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-content-type-options']),
    );
    expect(helmetOn({ host: 'calls.example.com' })).toEqual(ours);
    expect(
      helmetOn({ host: 'localhost', 'x-forwarded-proto': 'https', 'user-agent': 'Mozilla/4.0 (MSIE 8.0)' }),
    ).toEqual(ours);
  });

  it('leave out upgrade-insecure-requests, so that /docs works over plain http', () => {
    const csp = new Map(securityHeaders()).get('Content-Security-Policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
