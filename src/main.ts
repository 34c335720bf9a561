import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './app.setup';
import { UsersService } from './auth/users.service';
import { LosslessJsonAdapter } from './common/http/json-answer';
import { loadConfigOrExit } from './config/load';
import { AppLogger, createPino } from './observability/logger';
import { Shutdown } from './observability/shutdown';
import { describeConfigurationError, describeStartupFailure } from './startup/startup-failure';
import { startupLines } from './startup/startup-log';

async function bootstrap(): Promise<void> {
  // Every line is JSON from the first one: a configuration error, the framework's messages, a failed start.
  const config = loadConfigOrExit((error) => {
    const { code, message } = describeConfigurationError(error);
    createPino({ logLevel: 'log' }).fatal({ code }, message);
  });
  const pino = createPino(config);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new LosslessJsonAdapter(), {
      ...APP_OPTIONS,
      bufferLogs: false,
      logger: new AppLogger(pino),
      // An error while starting rejects here (Nest would abort the process) and is reported in one line.
      abortOnError: false,
    });
    configureApp(app, config);
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    const { code, message, stack } = describeStartupFailure(error, config);
    pino.fatal({ code, ...(stack === undefined ? {} : { stack }) }, message);
    process.exit(1);
  }

  const logger = new Logger('Calls API');
  for (const line of await startupLines(config, app.get(UsersService))) logger[line.level](line.message);

  // SIGTERM: report not ready and keep serving for SHUTDOWN_DELAY_MS (each answer closing its connection), so
  // that a load balancer takes the instance out before any connection it may still use is closed; then stop
  // taking connections, answer the requests in flight and let the webhook worker end its round, then close
  // Redis and the pool and exit. Whatever state the service is in (a database that stopped answering leaves
  // the pool unable to close), the process is gone SHUTDOWN_GRACE_MS after the delay. The draining gets nine
  // tenths of it, closing the rest.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceMs;
    const shutdown = app.get(Shutdown);
    if (config.shutdownDelayMs > 0) {
      shutdown.stopBeingReady();
      logger.log(`${signal}: not ready; serving ${config.shutdownDelayMs} ms more while the balancer lets go`);
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    }
    logger.log(`${signal}: draining the requests in flight (at most ${graceMs} ms)`);
    setTimeout(() => {
      logger.error(`Not stopped ${graceMs} ms after ${signal}: exiting without waiting any longer`);
      process.exit(1);
    }, graceMs);
    const drainMs = Math.floor(graceMs * 0.9);
    const { unfinished } = await shutdown.drain(app.getHttpServer(), drainMs);
    if (unfinished > 0) logger.warn(`${unfinished} request(s) were still running after the grace period`);
    await app.close();
    logger.log('Stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}

void bootstrap();
