import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';
import { loadConfigOrExit, logLevelsFrom } from './config/load';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    ...APP_OPTIONS,
    logger: logLevelsFrom(config.logLevel),
  });
  configureApp(app, config);
  await app.listen(config.http.port, config.http.host);

  const logger = new Logger('Calls API');
  const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  logger.log(`Listening on ${base}`);
  if (config.swaggerEnabled) logger.log(`Swagger UI: ${base}/docs   OpenAPI JSON: ${base}/docs-json`);
  if (config.jwt.secret !== undefined) {
    logger.log('Get a token: npm run token -- --user 100234   (or POST /oauth/token with an API client)');
  }
  if (config.jwt.usesDevelopmentSecret) {
    logger.warn('Signing tokens with the public development secret: set JWT_SECRET outside local development.');
  }
}

void bootstrap();
