import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Int64 } from '../common/int64';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { LeadsService } from '../leads/leads.service';
import { CallChangesRepository, type FeedPage } from './call-changes.repository';
import { CURSOR_AND_SINCE, CURSOR_NOT_OURS, cursorExpired, FEED_TEAM_VIEW_NOT_ALLOWED } from './call-changes.errors';
import { toCallChange } from './call.mapper';
import { type CallChangePageDto, type CallChangesQueryDto, FEED_DEFAULT_LIMIT } from './dto/call-changes.dto';

const CURSOR_TEXT = /^v1\.(0|[1-9][0-9]{0,18})$/;

/**
 * The change feed of calls: every call stored or edited, in the order the changes committed, a page at a time.
 *
 * Why a reader that follows `nextCursor` never skips a change: every change takes its `seq` from the marks row,
 * which it holds locked until its transaction ends, so `seq`s are given in commit order without a gap (a rollback
 * gives its `seq` back). When the marks row says `last_seq` = L, every change up to L has committed. A page is one
 * statement, so it sees the marks and the changes at one instant: its changes are every matching one after the
 * cursor up to L, and a change that commits later gets a `seq` above L. So `nextCursor` is the last change given
 * when the page is full, and L when it is not; either way nothing at or before it can still appear.
 */
@Injectable()
export class CallChangesService {
  private readonly keptMs: number;

  constructor(
    private readonly repository: CallChangesRepository,
    private readonly leads: LeadsService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keptMs = config.callChangesKeptMs;
  }

  /**
   * `GET /v1.0/communication/call/changes`: without `teamView` the changes of the caller's own calls (it is their
   * agent), with it those of the team's; either way on the leads the caller may manage, as the search by agent.
   */
  async feed(caller: Principal, query: CallChangesQueryDto): Promise<CallChangePageDto> {
    if (query.cursor !== undefined && query.since !== undefined) {
      throw new AppError(ErrorCode.InvalidParameter, CURSOR_AND_SINCE);
    }
    const teamView = query.teamView ?? false;
    if (teamView && !this.leads.mayManageTeamLeads(caller)) {
      throw new AppError(ErrorCode.AccessAllTeamLeads, FEED_TEAM_VIEW_NOT_ALLOWED);
    }
    const limit = query.limit ?? FEED_DEFAULT_LIMIT;
    const cursor = query.cursor === undefined ? null : parseCursor(query.cursor);
    const { afterSeq, page } = await this.transactions.readCommitted(async () => {
      const after = cursor ?? (query.since === undefined ? '0' : await this.firstBefore(query.since));
      const read = await this.repository.findPage(
        { teamId: caller.teamId, agentId: teamView ? null : caller.userId, afterSeq: after, limit },
        this.leads.manageFilter,
        caller,
      );
      return { afterSeq: after, page: read };
    });
    this.refuseExpired(page, cursor, query.since);
    const hasMore = page.changes.length > limit;
    const changes = hasMore ? page.changes.slice(0, limit) : page.changes;
    const next = hasMore ? changes[changes.length - 1].seq : larger(afterSeq, page.marks.lastSeq);
    return { limit, pageData: changes.map(toCallChange), nextCursor: formatCursor(next), hasMore };
  }

  /** Deletes the changes older than the retention, in batches; how many. */
  async purgeExpired(): Promise<number> {
    const bound = await this.repository.findPurgeBound(this.clock.now() - this.keptMs);
    if (bound === null) return 0;
    // The mark first, so that a page that misses a deleted change also sees the mark that tells it.
    await this.transactions.run((manager) => this.repository.markPurged(manager, bound));
    const oldest = await this.repository.findOldestSeq();
    if (oldest === null) return 0;
    let from = BigInt(oldest) - 1n;
    let deleted = 0;
    while (from < BigInt(bound.seq)) {
      const start = String(from);
      const end = BigInt(
        await this.transactions.run((manager) => this.repository.deletePurged(manager, start, bound.seq)),
      );
      // seqs have no gap: the batch deleted every seq of its range.
      deleted += Number(end - from);
      from = end;
    }
    return deleted;
  }

  /**
   * The `seq` just before the first change at or after `sinceMs`; when there is none yet, the last `seq` given,
   * read first, so that a change committing meanwhile comes after it.
   */
  private async firstBefore(sinceMs: number): Promise<Int64> {
    const marks = await this.repository.findMarks();
    const first = await this.repository.findFirstSince(sinceMs);
    return first === null ? marks.lastSeq : String(BigInt(first) - 1n);
  }

  /** 410 when changes after the reader's place may have been purged. */
  private refuseExpired(page: FeedPage, cursor: Int64 | null, sinceMs: number | undefined): void {
    const expired =
      (cursor !== null && BigInt(cursor) < BigInt(page.marks.purgedSeq)) ||
      (sinceMs !== undefined && sinceMs < page.marks.purgedMs);
    if (expired) throw new AppError(ErrorCode.CursorExpired, cursorExpired(Math.round(this.keptMs / 86_400_000)));
  }
}

function larger(a: Int64, b: Int64): Int64 {
  return BigInt(a) >= BigInt(b) ? a : b;
}

/** A cursor is the `seq` it stands after, versioned and opaque. */
export function formatCursor(seq: Int64): string {
  return Buffer.from(`v1.${seq}`).toString('base64url');
}

function parseCursor(cursor: string): Int64 {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = CURSOR_TEXT.exec(text);
  // Node decodes base64url leniently: only a cursor written back exactly as it was given is one.
  if (match === null || formatCursor(match[1]) !== cursor) {
    throw new AppError(ErrorCode.InvalidParameter, CURSOR_NOT_OURS);
  }
  return match[1];
}
