import type { INestApplication } from '@nestjs/common';
import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Response } from 'express';
import { answerClientErrors } from './common/http/client-errors';
import { stringifyJson } from './common/http/lossless-json';
import { losslessJsonBody, refuseUnreadBodies } from './common/http/lossless-json-body';
import type { AppConfig } from './config/app-config';

export const BODY_LIMIT = '1mb';

/** Options of NestFactory.create: the body parsers are the service's own (see configureApp). */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** Everything about the HTTP application besides its modules, shared by main.ts and the e2e tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // API answers are not cached by clients; hashing every body for an ETag is wasted work.
  express.set('etag', false);
  // One JSON writer for every response: int64 values (bigint) leave as exact numbers.
  express.response.json = function json(this: Response, body: unknown): Response {
    if (!this.get('Content-Type')) this.set('Content-Type', 'application/json; charset=utf-8');
    return this.send(stringifyJson(body));
  };
  // JSON bodies everywhere, read losslessly (an int64 id beyond 2^53 stays exact); a form only where OAuth
  // clients send one. Any other body is refused with 415.
  app.use(losslessJsonBody(BODY_LIMIT));
  app.use('/oauth/token', urlencoded({ limit: BODY_LIMIT, extended: false }));
  app.use(refuseUnreadBodies());
  answerClientErrors(app.getHttpServer());
  app.enableShutdownHooks();
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
        'losslessly.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}
