import type { Server } from 'node:http';
import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import helmet from 'helmet';
import { answerClientErrors, requireHostHeader } from './common/http/client-errors';
import { stringifyJson } from './common/http/lossless-json';
import { requestDeadline } from './common/http/request-deadline';
import { BODY_LIMIT } from './common/http/request-body';
import { discardUnreadBodies } from './common/http/unread-bodies';
import type { AppConfig } from './config/app-config';
import { AppLogger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { PINO, RequestObserver } from './observability/request-observer';
import { Shutdown } from './observability/shutdown';

/** Options of NestFactory.create: the body parsers are the service's own (see configureApp). */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false, bufferLogs: true };

/** Everything about the HTTP application besides its modules, shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(new AppLogger(app.get(PINO)));
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // API answers are not cached by clients; hashing every body for an ETag is wasted work.
  express.set('etag', false);
  express.set('trust proxy', config.trustProxy);
  // One JSON writer for every response: int64 values (bigint) leave as exact numbers.
  express.response.json = function json(this: Response, body: unknown): Response {
    if (!this.get('Content-Type')) this.set('Content-Type', 'application/json; charset=utf-8');
    return this.send(stringifyJson(body));
  };

  app.use(app.get(RequestObserver).handle);
  app.use(app.get(Shutdown).track);
  app.use(requestDeadline(config.requestTimeoutMs));
  // Security headers; the Swagger UI's own script and styles are served from /docs, 'self'. Without
  // upgrade-insecure-requests: behind a TLS-terminating balancer that is its job, and over plain http on an
  // internal address it would send the browser to https for the UI's script and styles, and leave /docs blank.
  app.use(
    helmet({
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(requireHostHeader());
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
      exposedHeaders: [
        'X-Request-Id',
        'Idempotent-Replayed',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'Retry-After',
      ],
      maxAge: 600,
    });
  }
  // No body is read here: RequestBodyGuard reads it once the caller is authenticated and within its rate limit.
  // A declared body over the limit is refused at once, and the rest of a body answered unread is discarded.
  app.use(discardUnreadBodies(BODY_LIMIT));

  // Against slow clients: the headers within 10 s, the whole request within 30 s (408), checked every second
  // (Node's default of 30 s let headers take up to 40 s); idle keep-alive 5 s.
  const server = app.getHttpServer();
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // An option of http.createServer that @types/node leaves out of the Server type; read when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1_000;
  server.keepAliveTimeout = 5_000;
  const metrics = app.get(Metrics);
  answerClientErrors(server, (code, status) => metrics.errors.inc({ code, status: String(status) }));

  if (config.swaggerEnabled) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
      jsonDocumentUrl: 'docs-json',
      yamlDocumentUrl: 'docs-yaml',
      customSiteTitle: 'Calls API',
      swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
    });
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Calls API')
    .setDescription(
      'Call records of a real-estate CRM: the calls an agent made or logged with a lead. ' +
        'Authenticate with `Authorization: Bearer <access_token>`; get a token from `POST /oauth/token` ' +
        '(client credentials) or, locally, with `npm run token -- --user 100234`. Errors are always ' +
        '`{"code": ..., "message": ...}`. 64-bit ids are exact JSON numbers, also above 2^53: parse them ' +
        'losslessly. Every counted answer carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}
