import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, REGION, seedSubscribers } from './support/fixtures';
import { createHarness, type Harness, waitFor } from './support/harness';
import { type SmtpCapture, startSmtpCapture } from './support/smtp-capture';
import { spawnWorkerChild, type WorkerChild } from './support/worker-children';

describe('a worker killed with SIGKILL in the middle of a campaign', () => {
  let smtp: SmtpCapture;
  let h: Harness;
  const children: WorkerChild[] = [];
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    h = await createHarness({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    for (const c of children) if (c.process.exitCode === null) c.process.kill('SIGKILL');
    await h?.cleanup();
    await smtp?.stop();
  });

  it('delivers to every subscriber of 5,000 after a restart, reports duplicates, and ends sent', async () => {
    const subscribers = await seedSubscribers(h.store, 5_000);
    await createCampaign(h.store, 'crash-5000');
    // both processes run on one machine: the second finds the first's journal file
    const journalDir = await mkdtemp(join(tmpdir(), 'regiokit-journal-'));
    const settings = { sendRate: 1_500, batchSize: 250, concurrency: 2, journalDir };
    const first = await spawnWorkerChild(h.childSettings('worker-a', settings));
    children.push(first);
    await h.producer.scheduleCampaign(REGION.id, 'crash-5000', { kind: 'now' });
    await waitFor(() => smtp.total() >= 1_500, 60_000, '1,500 messages before the kill');
    // a moment of its own: right after the sink counted, its 250 replies are still on the way,
    // which would put every connection's last message into the one window SMTP leaves open
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 180));
    first.process.kill('SIGKILL');
    await first.exited;
    const atKill = smtp.total();

    const second = await spawnWorkerChild(h.childSettings('worker-b', settings));
    children.push(second);
    await waitFor(
      async () => (await h.sending.getCampaignStatus(REGION.id, 'crash-5000')) === 'sent',
      90_000,
      'campaign sent',
    );

    const missing = subscribers.filter((s) => !smtp.received.has(s.email));
    const duplicates = subscribers.filter((s) => (smtp.received.get(s.email)?.length ?? 0) > 1);
    console.info(
      `SIGKILL after ${atKill} of 5,000 messages: ${smtp.total()} delivered in all, ${missing.length} missing, ${duplicates.length} received twice (target 0)`,
    );
    for (const d of duplicates)
      console.info(`  twice: ${d.email} (${smtp.sendersOf.get(d.email)?.join(', then ')})`);
    expect(missing).toEqual([]);
    // A message is journaled right before its final dot goes to the kernel, so only a kill in
    // the microseconds between the journal's write and the socket's can send one twice (at most
    // one per connection, 4 here). Measured: 0 in 30 runs; 1 in about every second run when the
    // entry was written on the 250, 1 in 12 when right after the socket's write (the reader the
    // write wakes often runs first).
    expect(duplicates.length).toBeLessThanOrEqual(4);
    const progress = await h.producer.progress(REGION.id, 'crash-5000');
    expect(progress.counts).toEqual({ sent: 5_000 });
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
