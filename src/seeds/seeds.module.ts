import { Module } from '@nestjs/common';
import { DatabaseBootstrap } from './database-bootstrap';

/** Prepares the database before the first request: the migrations, then the demo data set on a fresh one. */
@Module({ providers: [DatabaseBootstrap] })
export class SeedsModule {}
