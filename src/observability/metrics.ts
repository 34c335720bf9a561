import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { mysqlPoolOf, poolCounts } from '../common/library-internals';

/** Webhook events not delivered yet, and when the oldest of them was written (epoch ms). */
export interface WebhookBacklog {
  waiting: number;
  oldestMs: number | null;
}

/**
 * The Prometheus metrics of the service, on a registry of its own (served at /metrics): request durations
 * by route and status, error answers by code, rate-limited requests, the MySQL pool, the webhook backlog and
 * deliveries, and Node's process metrics. Shutdown, which tracks the requests in flight, adds their gauge.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'http_errors_total',
    help: 'Error answers, by code and status.',
    labelNames: ['code', 'status'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'rate_limited_requests_total',
    help: 'Requests refused with 429, by kind of bucket (client, user, ip).',
    labelNames: ['bucket'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Callback attempts, by result (success, failure).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly webhookEventsSent = new Counter({
    name: 'webhook_events_sent_total',
    help: 'Events delivered.',
    registers: [this.registry],
  });

  /** Until the webhooks module tells how to read it: none. */
  private readWebhookBacklog: () => Promise<WebhookBacklog> = () => Promise.resolve({ waiting: 0, oldestMs: null });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = mysqlPoolOf(dataSource);
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the MySQL pool, by state (open, idle, and requests queued for one).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (pool === undefined) return;
        const { open, idle, queued } = poolCounts(pool);
        this.set({ state: 'open' }, open);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'queued' }, queued);
      },
    });
    const backlog = () => this.readWebhookBacklog();
    new Gauge({
      name: 'webhook_events_waiting',
      help: 'Webhook events not delivered yet (pending or held by a paused subscription).',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).waiting);
      },
    });
    new Gauge({
      name: 'webhook_oldest_waiting_seconds',
      help: 'Age of the oldest webhook event not delivered yet (0 when none waits).',
      registers: [this.registry],
      async collect() {
        const { oldestMs } = await backlog();
        this.set(oldestMs === null ? 0 : Math.max(0, (Date.now() - oldestMs) / 1000));
      },
    });
  }

  /** The webhooks module owns the backlog; observability, a layer below it, is told how to read it. */
  measureWebhookBacklog(read: () => Promise<WebhookBacklog>): void {
    this.readWebhookBacklog = read;
  }
}
