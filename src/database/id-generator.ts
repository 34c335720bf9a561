import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Int64 } from '../common/int64';

/** 2020-01-01T00:00:00Z: ids count milliseconds from there. */
const EPOCH_MS = 1_577_836_800_000;
const NODE_BITS = 8n;
const SEQUENCE_BITS = 4n;
const SEQUENCE_LIMIT = 1 << Number(SEQUENCE_BITS);

/**
 * New timeline ids, time-ordered like the ones the CRM hands out: milliseconds since 2020 in the high
 * bits, then 8 bits of instance (random per process) and 4 bits of sequence (16 ids per millisecond per
 * instance). They stay below 2^53 until 2089, so that clients which parse JSON numbers as doubles read
 * them right, and they grow with time, which the keyset cursor of the call history relies on. Time is the
 * later of the clock and the last millisecond used, so that an id never goes back when the clock does; when
 * the 16 ids of that millisecond are spent, the next millisecond is borrowed rather than waited for (a clock
 * stepped back by NTP would otherwise stall every writer until it caught up). Two instances that drew the
 * same instance bits can still collide within one millisecond: the primary key refuses the second insert,
 * and the writer retries with a new id.
 */
@Injectable()
export class IdGenerator {
  private readonly node = BigInt(randomInt(1 << Number(NODE_BITS)));
  private lastMs = 0;
  private sequence = 0;

  next(now: () => number = Date.now): Int64 {
    let ms = Math.max(now() - EPOCH_MS, this.lastMs);
    if (ms === this.lastMs) {
      this.sequence += 1;
      if (this.sequence === SEQUENCE_LIMIT) {
        ms += 1;
        this.sequence = 0;
      }
    } else {
      this.sequence = 0;
    }
    this.lastMs = ms;
    return (
      (BigInt(ms) << (NODE_BITS + SEQUENCE_BITS)) |
      (this.node << SEQUENCE_BITS) |
      BigInt(this.sequence)
    ).toString();
  }
}
