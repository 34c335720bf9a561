import { Injectable } from '@nestjs/common';

/** The time, in epoch milliseconds; one place for the tests to move it. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
