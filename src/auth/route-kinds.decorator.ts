import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint } from '@nestjs/swagger';
import { defaultMessage, ErrorCode } from '../common/errors/error-code';
import { ApiErrors, documentedErrors, type ErrorExample } from '../common/errors/error-response.dto';
import { httpStatusOf } from '../common/errors/error-status';
import { ApiAnswerHeaders, sharedHeader } from '../common/http/answer-headers';
import { SEND_JSON } from '../common/http/request-body';
import { ApiRoute, type RouteDoc } from '../common/http/route-doc.decorator';
import { takesBody } from '../common/library-internals';
import { DEFAULT_RATE_LIMITS } from '../config/app-config';
import { tooManyRequests } from '../limits/limits.errors';
import { NoRateLimit } from '../limits/rate-limit.guard';
import { insufficientScope, MISSING_TOKEN } from './auth.errors';
import { Public } from './public.decorator';
import { RequireScopes } from './require-scopes.decorator';
import type { Scope } from './scopes';

/*
 * One decorator per kind of route: who may call it, the documented answers every route of the kind gives, and
 * the route's own reference (RouteDoc, kept in the module's `x.openapi.ts`). The global JWT guard denies every
 * route that is not public; these decorators say so in the API reference, and the deny-by-default test walks
 * every route for one of them. Each kind ends with {@link ApiSharedAnswers}, so that no route can leave out the
 * answers that every route gives.
 */

/** The 400 BAD_CREDENTIALS every route that needs a token can answer. */
export const BAD_TOKEN: ErrorExample = {
  code: ErrorCode.BadCredentials,
  message: MISSING_TOKEN,
  summary: 'Missing, invalid or expired token, or unknown or deactivated user',
};

/** Whose bucket a route's requests count against: the caller's (a token's), an address's (no token), or none. */
export type Counted = 'caller' | 'address' | 'none';

/** A 429 of the default limits, half a minute before the window ends. */
function rateLimited(counted: Exclude<Counted, 'none'>): ErrorExample {
  const limit = counted === 'caller' ? DEFAULT_RATE_LIMITS.perMinute : DEFAULT_RATE_LIMITS.anonymousPerMinute;
  return {
    code: ErrorCode.TooManyRequests,
    message: tooManyRequests(limit, 30),
    summary:
      counted === 'caller'
        ? "Past the caller's requests a minute (its API client's, or its user's): wait Retry-After seconds"
        : "Past the address's requests a minute: wait Retry-After seconds",
  };
}

const UNAVAILABLE: ErrorExample = {
  code: ErrorCode.ServiceUnavailable,
  message: defaultMessage(ErrorCode.ServiceUnavailable),
  summary:
    'The database is unreachable, or the request got no answer within REQUEST_TIMEOUT_MS: retry after ' +
    'Retry-After seconds, with backoff',
};

/** The refusals of a body that the service cannot read, which every route that takes a JSON body gives. */
const UNREADABLE_BODY: ErrorExample[] = [
  {
    code: ErrorCode.MalformedJson,
    message: defaultMessage(ErrorCode.MalformedJson),
    summary: 'A body that is not valid JSON, nests deeper than 32 levels or holds too many members',
  },
  {
    code: ErrorCode.PayloadTooLarge,
    message: defaultMessage(ErrorCode.PayloadTooLarge),
    summary: 'A body over 1 MB, or a Content-Length that says so (then answered before the body is sent)',
  },
  { code: ErrorCode.UnsupportedMediaType, message: SEND_JSON, summary: 'A body that is not JSON in UTF-8' },
];

const isStatus =
  (...statuses: number[]) =>
  (status: number) =>
    statuses.includes(status);

/**
 * The answers every route gives, by what it is: the one decorator that documents them, applied last by every
 * route kind (so it sees the route's own answers). Every answer carries X-Request-Id, a 429 and a 503 Retry-After.
 * A counted route can answer 429 and 503 (its caller, or its API client, is read from the database), and its
 * answers carry the rate-limit headers but a 413 refused on its Content-Length before the request was counted,
 * and a 503 that may come before it was. A route that takes a JSON body (a `@Body()` parameter) can answer 413,
 * 415 and 400 MALFORMED_JSON. Where the route documents one of these codes itself, its own example is kept.
 */
export function ApiSharedAnswers(counted: Counted): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const own = new Set(documentedErrors(handler).map((example) => example.code));
    const shared = [
      ...(counted === 'none' ? [] : [rateLimited(counted), UNAVAILABLE]),
      ...(takesBody(target, key) ? UNREADABLE_BODY : []),
    ].filter((example) => !own.has(example.code));
    const uncounted = isStatus(httpStatusOf(ErrorCode.PayloadTooLarge), httpStatusOf(ErrorCode.ServiceUnavailable));
    applyDecorators(
      ApiErrors(...shared),
      ApiAnswerHeaders(
        sharedHeader('X-Request-Id', () => true),
        sharedHeader(
          'Retry-After',
          isStatus(httpStatusOf(ErrorCode.TooManyRequests), httpStatusOf(ErrorCode.ServiceUnavailable)),
        ),
        ...(counted === 'none'
          ? []
          : (['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] as const).map((name) =>
              sharedHeader(name, (status) => !uncounted(status)),
            )),
      ),
    )(target, key, descriptor);
    return descriptor;
  };
}

/** Called without a token (the token endpoint); counted against the caller's address. */
export function PublicRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(Public(), ApiRoute(doc, { security: [] }), ApiSharedAnswers('address'));
}

/**
 * An operator's probe: called without a token, and never rate limited. Without a RouteDoc it stays out of the
 * API reference (the Prometheus scrape is for the scraper, not for API clients).
 */
export function ProbeRoute(doc?: RouteDoc): MethodDecorator {
  return applyDecorators(
    Public(),
    NoRateLimit(),
    ...(doc === undefined ? [ApiExcludeEndpoint()] : [ApiRoute(doc, { security: [] }), ApiSharedAnswers('none')]),
  );
}

/** A user's route: a bearer token of a user, or of an API client acting as its user; 401 without one. */
export function UserRoute(doc: RouteDoc): MethodDecorator {
  return applyDecorators(ApiBearerAuth(), ApiRoute(doc), ApiErrors(BAD_TOKEN), ApiSharedAnswers('caller'));
}

/** A route for API clients holding `scope` (a service, not a person): other tokens get 403. */
export function ClientRoute(scope: Scope, doc: RouteDoc): MethodDecorator {
  return applyDecorators(
    RequireScopes(scope),
    ApiBearerAuth(),
    ApiRoute(doc),
    ApiErrors(
      {
        code: ErrorCode.InsufficientScope,
        message: insufficientScope([scope]),
        summary: `Not a ${scope} client token`,
      },
      BAD_TOKEN,
    ),
    ApiSharedAnswers('caller'),
  );
}
