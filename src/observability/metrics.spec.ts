import type { DataSource } from 'typeorm';
import { Metrics, type WebhookBacklog } from './metrics';

describe('Metrics: the webhook backlog', () => {
  const metrics = () => new Metrics({ options: { type: 'better-sqlite3' }, driver: {} } as DataSource);

  it('shows none until the module that owns the backlog tells how to read it', async () => {
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/^webhook_events_waiting 0$/m);
    expect(text).toMatch(/^webhook_oldest_waiting_seconds 0$/m);
  });

  it('shows the events waiting and the age of the oldest, as read at each scrape', async () => {
    const measured = metrics();
    let backlog: WebhookBacklog = { waiting: 3, oldestMs: Date.now() - 90_000 };
    measured.measureWebhookBacklog(() => Promise.resolve(backlog));
    const text = await measured.registry.metrics();
    expect(text).toMatch(/^webhook_events_waiting 3$/m);
    const age = Number(/^webhook_oldest_waiting_seconds ([\d.]+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(100);
    backlog = { waiting: 0, oldestMs: null };
    const after = await measured.registry.metrics();
    expect(after).toMatch(/^webhook_events_waiting 0$/m);
    expect(after).toMatch(/^webhook_oldest_waiting_seconds 0$/m);
  });
});
