import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';
import { loadConfigOrExit } from './config/load';
import { Shutdown } from './observability/shutdown';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), APP_OPTIONS);
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

  // SIGTERM: stop taking connections, answer the requests in flight and let the webhook worker end its round,
  // then close Redis and the pool and exit; whatever state the service is in (a database that stopped
  // answering leaves the pool unable to close), the process is gone within SHUTDOWN_GRACE_MS. The draining
  // gets nine tenths of it, closing the rest.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceMs;
    logger.log(`${signal}: draining the requests in flight (at most ${graceMs} ms)`);
    setTimeout(() => {
      logger.error(`Not stopped ${graceMs} ms after ${signal}: exiting without waiting any longer`);
      process.exit(1);
    }, graceMs);
    const drainMs = Math.floor(graceMs * 0.9);
    const { unfinished } = await app.get(Shutdown).drain(app.getHttpServer(), drainMs);
    if (unfinished > 0) logger.warn(`${unfinished} request(s) were still running after the grace period`);
    await app.close();
    logger.log('Stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}

void bootstrap();
