import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { RequestHandler, Response } from 'express';
import { ANSWER_HEADERS } from './common/http/answer-headers';
import { answerClientErrors, missingHostHeader } from './common/http/client-errors';
import { INT64_STRING_MEDIA_TYPE } from './common/http/int64-representation';
import { describeInt64Strings } from './common/http/int64-strings-schemas';
import { LosslessJsonAdapter } from './common/http/json-answer';
import { startDeadline, stopDeadline } from './common/http/request-deadline';
import { BODY_LIMIT } from './common/http/request-body';
import { setServerOptions } from './common/library-internals';
import { securityHeaders } from './common/http/security-headers';
import { admitBody } from './common/http/unread-bodies';
import type { AppConfig } from './config/app-config';
import { AppLogger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { PINO, RequestObserver } from './observability/request-observer';
import { Shutdown } from './observability/shutdown';

/**
 * Options of NestFactory.create, beside a `new LosslessJsonAdapter()`: the body parsers are the service's own (see
 * configureApp).
 */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false, bufferLogs: true };

/** The response headers a browser client may read under CORS: every one the API reference declares. */
export const EXPOSED_HEADERS: readonly string[] = [
  'X-Request-Id',
  'ETag',
  'Location',
  'Idempotent-Replayed',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
];

/** Everything about the HTTP application besides its modules, shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  // One JSON writer for every answer: int64 values (bigint) leave as exact numbers.
  if (!(app.getHttpAdapter() instanceof LosslessJsonAdapter)) {
    throw new Error('Create the application with a LosslessJsonAdapter: Express alone cannot write int64 values');
  }
  app.useLogger(new AppLogger(app.get(PINO)));
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // No hash of every body for an ETag: a record that has a validator (Get Call's version) sets its own, explicitly.
  express.set('etag', false);
  express.set('trust proxy', config.trustProxy);

  // No body is read before routing: RequestBodyGuard reads it once the caller is authenticated and within its rate
  // limit. A declared body over the limit is refused at once, and the rest of a body answered unread is discarded;
  // with CORS on, that comes after CORS, whose headers the refusal then carries.
  const cors = config.corsOrigins.length > 0;
  app.use(acceptRequests(app, config, !cors));
  if (cors) {
    app.enableCors({
      origin: config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key', 'If-Match', 'If-None-Match'],
      exposedHeaders: [...EXPOSED_HEADERS],
      maxAge: 600,
    });
    app.use(((request, response, next) => next(admitBody(request, response, BODY_LIMIT))) satisfies RequestHandler);
  }

  // Against slow clients: the headers within 10 s, the whole request within 30 s (408), checked every second
  // (Node's default of 30 s let headers take up to 40 s); idle keep-alive 5 s.
  const server = app.getHttpServer();
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  setServerOptions(server, { connectionsCheckingInterval: 1_000 });
  server.keepAliveTimeout = 5_000;
  const metrics = app.get(Metrics);
  answerClientErrors(server, (code, status) => metrics.errors.inc({ code, status: String(status) }));

  if (config.swaggerEnabled) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
      jsonDocumentUrl: 'docs-json',
      yamlDocumentUrl: 'docs-yaml',
      customSiteTitle: 'Calls API',
      swaggerOptions: {
        persistAuthorization: true,
        displayRequestDuration: true,
        requestInterceptor: askForInt64Strings,
      },
    });
  }
}

/**
 * The tags of the API reference, in the order the Swagger UI shows them: every tag a controller uses
 * (`@ApiTags`) is declared here with what its operations are for.
 */
export const API_TAGS: readonly { name: string; description: string }[] = [
  {
    name: 'Authentication',
    description: 'Access tokens for API clients (OAuth 2.0 client credentials). Send one as `Authorization: Bearer`.',
  },
  {
    name: 'Calls',
    description:
      'Call records: read one (also with its ETag), many at once, a lead’s calls a page at a time, and edit one.',
  },
  {
    name: 'Manual logs',
    description: 'Calls, emails and texts logged by hand on a lead, and the list of a lead’s logs of a channel.',
  },
  { name: 'Emails and texts', description: 'Logged emails and texts, read by their communication ID.' },
  {
    name: 'Communications',
    description: 'Calls, emails or texts of a time window, yours or your team’s: to catch up after missed webhooks.',
  },
  { name: 'Leads', description: 'Leads of your team: create, read and reassign.' },
  {
    name: 'Webhooks',
    description:
      'Subscriptions to Call events, delivered as signed callbacks to your HTTPS endpoint; their deliveries, a ' +
      'test callback, and events sent again.',
  },
  {
    name: 'Dialer (internal)',
    description: 'For the telephony service: finished dialer calls, with API client tokens holding `dialer:write`.',
  },
  { name: 'Health', description: 'Probes for the orchestrator and the load balancer: no token, not rate limited.' },
];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Calls API')
    .setDescription(
      'Call records of a real-estate CRM: the calls an agent made or logged with a lead. ' +
        'Authenticate with `Authorization: Bearer <access_token>`; get a token from `POST /oauth/token` ' +
        '(client credentials) or, locally, with `npm run token -- --user 100234`. Errors are always ' +
        '`{"code": ..., "message": ...}`. Every int64 (the ids, and the epoch milliseconds of `asOf`) is an ' +
        'exact JSON number, also above 2^53: parse it losslessly, or, from JavaScript, ask for every int64 as a ' +
        `JSON string with \`Accept: ${INT64_STRING_MEDIA_TYPE}\` (on every route, errors included: the answer's ` +
        'Content-Type then ends in `; int64=string`; the second media type of each answer describes it) and ' +
        'subscribe to webhooks with `"int64": "string"`. This page asks for strings, so that it shows ids exactly. ' +
        'Every counted answer carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset.',
    )
    .setVersion('1.0.0')
    // Relative: the instance that serves the document (its Swagger UI tries requests on itself); a client of
    // another deployment sets its base URL.
    .addServer('/', 'The instance that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const config = builder.build();
  // package.json's "UNLICENSED": proprietary, no license text to link to.
  config.info.license = { name: 'Proprietary (UNLICENSED)' };
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, headers: ANSWER_HEADERS };
  describeInt64Strings(document);
  return document;
}

/**
 * The Swagger UI's request interceptor: it asks for every int64 as a string, so that the page, which reads answers
 * with JSON.parse, shows ids above 2^53 exactly (it would show 9007199254740993 as 9007199254740992). Sent to the
 * browser as its source text: it refers to nothing outside itself.
 */
function askForInt64Strings(request: { headers: Record<string, string> }): { headers: Record<string, string> } {
  const named = Object.keys(request.headers).filter((name) => name.toLowerCase() === 'accept');
  const accept = named.length === 0 ? undefined : request.headers[named[0]];
  if (accept === undefined || accept === 'application/json' || accept === '*/*') {
    for (const name of named) delete request.headers[name];
    request.headers.Accept = 'application/json; int64=string';
  }
  return request;
}

/**
 * Everything done to a request before routing, in one middleware rather than a layer each (every layer costs the
 * router a match and a call on every request): the request's id and observation, its count among the requests in
 * flight, its deadline, helmet's security headers, the Host header check and, when `admitBodies`, the admission
 * of its body. One listener on 'finish' and one on 'close' (which follows 'finish', or comes alone when the
 * connection closed first) end what it began.
 */
function acceptRequests(app: NestExpressApplication, config: AppConfig, admitBodies: boolean): RequestHandler {
  const observer = app.get(RequestObserver);
  const shutdown = app.get(Shutdown);
  const headers = securityHeaders();
  const timeoutMs = config.requestTimeoutMs;
  function finished(this: Response): void {
    observer.finished(this.req, this);
    stopDeadline(this);
    shutdown.release(this);
  }
  function closed(this: Response): void {
    stopDeadline(this);
    shutdown.release(this);
  }
  return (request, response, next) => {
    observer.begin(request, response);
    shutdown.admit(response);
    startDeadline(response, timeoutMs);
    for (const [name, value] of headers) response.setHeader(name, value);
    response.on('finish', finished).on('close', closed);
    next(missingHostHeader(request) ?? (admitBodies ? admitBody(request, response, BODY_LIMIT) : undefined));
  };
}
