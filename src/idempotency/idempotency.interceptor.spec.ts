import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request } from 'express';
import { lastValueFrom, type Observable, of, throwError } from 'rxjs';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { Int64Form } from '../common/http/lossless-json';
import { keyHash, requestFingerprint } from './idempotency-key';
import { IdempotencyInterceptor, IdempotencyOf } from './idempotency.interceptor';
import { IdempotencyKeyTaken, type IdempotencyService, type StoredAnswer } from './idempotency.service';

const caller: Principal = {
  userId: '100234',
  teamId: '1',
  role: Role.Agent,
  accessAllTeamLeads: false,
  active: true,
  clientId: null,
  scopes: new Set(),
};

const BODY = { leadId: 100001, logType: 'logCall', content: 'Left a message.' };
const ROUTE = 'POST /v1.0/logType';

/** What @IdempotencyOf() hands the handler for this request. */
function idempotencyOf(request: Request): unknown {
  class Probe {
    handler(@IdempotencyOf() _: unknown): void {}
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') as Record<
    string,
    { factory: (data: unknown, context: ExecutionContext) => unknown }
  >;
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as ExecutionContext;
  return Object.values(args)[0].factory(undefined, context);
}

describe('IdempotencyInterceptor', () => {
  const find = jest.fn<Promise<StoredAnswer | null>, unknown[]>();
  const interceptor = new IdempotencyInterceptor({ find } as unknown as IdempotencyService);
  let request: Request;
  let response: {
    statusCode: number;
    headers: Record<string, string>;
    status: jest.Mock;
    setHeader: jest.Mock;
    getHeader: jest.Mock;
  };

  const context = () =>
    ({ switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) }) as ExecutionContext;
  const intercept = async (next: CallHandler): Promise<unknown> =>
    lastValueFrom(await interceptor.intercept(context(), next));
  const handled = (): CallHandler & { handle: jest.Mock<Observable<unknown>> } => ({
    handle: jest.fn(() => of({ handled: true })),
  });
  const stored = (overrides: Partial<StoredAnswer> = {}): StoredAnswer => ({
    fingerprint: requestFingerprint(ROUTE, BODY),
    status: 200,
    body: '{"logType":{"id":563172647619609}}',
    int64: Int64Form.Number,
    location: null,
    ...overrides,
  });

  beforeEach(() => {
    find.mockReset();
    find.mockResolvedValue(null);
    request = {
      method: 'POST',
      baseUrl: '',
      path: '/v1.0/logType',
      route: { path: '/v1.0/logType' },
      headers: { 'idempotency-key': 'order-7' },
      body: BODY,
      user: caller,
    } as unknown as Request;
    response = { statusCode: 200, headers: {}, status: jest.fn(), setHeader: jest.fn(), getHeader: jest.fn() };
    response.status.mockImplementation((status: number) => (response.statusCode = status));
    response.setHeader.mockImplementation((name: string, value: string) => (response.headers[name] = value));
    response.getHeader.mockImplementation((name: string) => response.headers[name]);
  });

  it('leaves a request without the header as it is', async () => {
    delete request.headers['idempotency-key'];
    const next = handled();
    await expect(intercept(next)).resolves.toEqual({ handled: true });
    expect(find).not.toHaveBeenCalled();
    expect(idempotencyOf(request)).toBeNull();
  });

  it('refuses an invalid key before looking anything up', async () => {
    request.headers['idempotency-key'] = 'order 7';
    await expect(intercept(handled())).rejects.toMatchObject({ code: ErrorCode.IdempotencyKeyInvalid });
    expect(find).not.toHaveBeenCalled();
  });

  it('hands a new key to the handler: the caller, the route, the body and the status of a write', async () => {
    const next = handled();
    await expect(intercept(next)).resolves.toEqual({ handled: true });
    expect(next.handle).toHaveBeenCalled();
    expect(idempotencyOf(request)).toEqual({
      keyHash: keyHash('user:100234', 'order-7'),
      caller: 'user:100234',
      route: ROUTE,
      fingerprint: requestFingerprint(ROUTE, BODY),
      status: 200,
      int64: Int64Form.Number,
    });
    expect(response.headers['Idempotent-Replayed']).toBeUndefined();
  });

  it('hands the handler the int64 form the request asks for, for its answer to be stored as it is sent', async () => {
    request.headers.accept = 'application/json; int64=string';
    await intercept(handled());
    expect(idempotencyOf(request)).toMatchObject({ int64: Int64Form.String });
  });

  it('files a client token’s keys under the client', async () => {
    (request as unknown as { user: Principal }).user = { ...caller, clientId: 'cl_dialer' };
    await intercept(handled());
    expect(find).toHaveBeenCalledWith(expect.objectContaining({ keyHash: keyHash('client:cl_dialer', 'order-7') }));
  });

  it('replays a stored answer of the same request: its status, body and Location, marked, the handler not run', async () => {
    find.mockResolvedValue(stored({ status: 201, location: '/v2.0/communication/call/1' }));
    const next = handled();
    await expect(intercept(next)).resolves.toBe('{"logType":{"id":563172647619609}}');
    expect(next.handle).not.toHaveBeenCalled();
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({
      'Idempotent-Replayed': 'true',
      Location: '/v2.0/communication/call/1',
      'Content-Type': 'application/json; charset=utf-8',
      Vary: 'Accept',
    });
  });

  it('replays an answer as it was sent, its int64 values as strings when its request asked, whatever the retry asks', async () => {
    find.mockResolvedValue(stored({ body: '{"logType":{"id":"563172647619609"}}', int64: Int64Form.String }));
    await expect(intercept(handled())).resolves.toBe('{"logType":{"id":"563172647619609"}}');
    expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8; int64=string');
  });

  it('refuses the key stored for another request with IDEMPOTENCY_KEY_REUSED', async () => {
    find.mockResolvedValue(stored({ fingerprint: requestFingerprint(ROUTE, { ...BODY, content: 'other' }) }));
    const next = handled();
    const refusal = intercept(next);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: ErrorCode.IdempotencyKeyReused });
    expect(next.handle).not.toHaveBeenCalled();
  });

  it('answers a request that found its key taken by a concurrent one with that one’s answer', async () => {
    find.mockResolvedValueOnce(null).mockResolvedValueOnce(stored());
    await expect(intercept({ handle: () => throwError(() => new IdempotencyKeyTaken()) })).resolves.toBe(
      '{"logType":{"id":563172647619609}}',
    );
    expect(response.headers['Idempotent-Replayed']).toBe('true');
  });

  it('refuses a concurrent request with the key and another body as reused', async () => {
    find.mockResolvedValueOnce(null).mockResolvedValueOnce(stored({ fingerprint: 'other' }));
    await expect(intercept({ handle: () => throwError(() => new IdempotencyKeyTaken()) })).rejects.toMatchObject({
      code: ErrorCode.IdempotencyKeyReused,
    });
  });

  it('passes the handler’s other failures on', async () => {
    const failure = new AppError(ErrorCode.PermissionDenied);
    await expect(intercept({ handle: () => throwError(() => failure) })).rejects.toBe(failure);
    expect(find).toHaveBeenCalledTimes(1);
  });
});
