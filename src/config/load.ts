import type { LogLevel } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { AppConfig, loadAppConfig } from './app-config';
import { ConfigurationError, LOG_LEVELS } from './environment';

/**
 * The configuration of a command-line entry point (the server, the scripts): variables from the
 * environment, and from a `.env` file in the working directory when there is one. On a configuration
 * error it reports what is wrong (on stderr unless told) and exits 1.
 */
export function loadConfigOrExit(
  report: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): AppConfig {
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    return loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      report(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function logLevelsFrom(level: AppConfig['logLevel']): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
