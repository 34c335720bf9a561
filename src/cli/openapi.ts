import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from '../app.module';
import { APP_OPTIONS, buildOpenApiDocument } from '../app.setup';
import { loadAppConfig } from '../config/app-config';

/** `npm run openapi`: writes the OpenAPI document of the code to openapi.json (committed; a test compares). */
export const OPENAPI_FILE = path.resolve(__dirname, '../../../openapi.json');

export function serializeOpenApi(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main(): Promise<void> {
  const config = loadAppConfig({ DATABASE_URL: 'sqlite::memory:', DATABASE_MIGRATE: 'false', DEMO_DATA: 'false' });
  const app = await NestFactory.create(AppModule.forRoot(config), { ...APP_OPTIONS, logger: false });
  try {
    writeFileSync(OPENAPI_FILE, serializeOpenApi(buildOpenApiDocument(app)));
    process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  });
}
