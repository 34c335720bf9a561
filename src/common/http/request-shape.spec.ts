import { Socket } from 'node:net';
import { declareRequestField, declareResponseField, ShapedRequest, ShapedResponse } from './request-shape';

describe('requests and responses of one shape', () => {
  const made = () => {
    const request = new ShapedRequest(new Socket());
    return { request, response: new ShapedResponse(request) };
  };

  it("has Express's and the router's fields on every request, undefined until set", () => {
    const { request } = made();
    for (const field of ['res', 'next', 'baseUrl', 'originalUrl', '_parsedUrl', 'params', 'route']) {
      expect(Object.hasOwn(request, field)).toBe(true);
      expect((request as unknown as Record<string, unknown>)[field]).toBeUndefined();
    }
    expect(Object.getOwnPropertySymbols(request).map(String)).toContain('Symbol(router.tracing.matchedRoute)');
  });

  it('gives requests and responses made after a declaration the declared field, once however often declared', () => {
    const onRequest = Symbol('test:on-request');
    const onResponse = Symbol('test:on-response');
    declareRequestField(onRequest);
    declareRequestField(onRequest);
    declareResponseField(onResponse);
    const { request, response } = made();
    expect(Object.getOwnPropertySymbols(request).filter((key) => key === onRequest)).toHaveLength(1);
    expect(Object.hasOwn(response, onResponse)).toBe(true);
    expect(Object.hasOwn(response, 'locals')).toBe(true);
  });

  it('keeps what a response reads from its prototype: status 200, no status message', () => {
    const { response } = made();
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBeUndefined();
  });

  it('makes every request with the same fields in the same order', () => {
    expect(Reflect.ownKeys(made().request)).toEqual(Reflect.ownKeys(made().request));
    expect(Reflect.ownKeys(made().response)).toEqual(Reflect.ownKeys(made().response));
  });
});
