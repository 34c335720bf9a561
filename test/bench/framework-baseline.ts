import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The framework's own ceiling on this machine, for `npm run bench`: a bare NestJS + Express app whose
 * controller answers Get Call's path with the same call JSON (BASELINE_BODY, as the real service answered it),
 * with no guard, middleware, body parser or database. Get Call's throughput as a fraction of this one's is
 * what the service's own layers cost.
 */
const body: unknown = JSON.parse(process.env.BASELINE_BODY ?? '{}');

@Controller()
class BaselineController {
  @Get('v2.0/communication/call/:communicationId')
  call(): unknown {
    return body;
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BaselineController] })
class BaselineModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BaselineModule, { logger: false, bodyParser: false });
  await app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
}

void main();
