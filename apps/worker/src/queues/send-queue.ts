import { resolveMergeValues } from '@regiokit/content';
import type { CampaignStatus, Language } from '@regiokit/core';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { classifySmtpError } from '../sending/classify-smtp-error';
import type { RecipientRecord, SendOutcome } from '../sending/sending-store';
import type { PreparedMail } from '../sending/template-cache';
import { finishCampaignIfDone } from './finish-campaign';
import { QUEUE_NAMES } from './queue-names';
import { pipelineKeys, type WorkerContext } from './worker-context';

/** Payload of a batch job: some recipients of one run of a campaign. */
export const SendBatchJob = z.object({
  campaignId: z.string().min(1),
  /** The run (start job) that made this batch. */
  runId: z.string().min(1),
  index: z.int().nonnegative(),
  subscriberIds: z.array(z.string().min(1)).min(1),
});
export type SendBatchJob = z.infer<typeof SendBatchJob>;

/** Queue of batch jobs. */
export const SEND_QUEUE = QUEUE_NAMES.send;

/** The deterministic job id of batch `index` of a run. */
export function formatBatchJobId(campaignId: string, runId: string, index: number): string {
  return `${campaignId}.${runId}.${index}`;
}

/** What a batch did; the job's return value. */
export interface BatchSummary {
  sent: number;
  failed: number;
  retry: number;
  released: number;
  recovered: number;
  stoppedBy?: CampaignStatus | undefined;
}

const SETTLE_EVERY = 100;

/**
 * Processes one batch: claim in the ledger → personalise → SMTP → settle. Messages accepted by
 * the server are written to a Redis journal at once, so a run that crashed before settling can
 * tell, for the rows it had claimed, which were sent. Checks the campaign status while sending, so
 * pause and cancel take effect within `statusCheckMs`.
 */
export function createSendBatchProcessor(ctx: WorkerContext) {
  return async function processSendBatch(job: Job, token?: string): Promise<BatchSummary> {
    const data = SendBatchJob.parse(job.data);
    const log = ctx.logger.child({ queue: SEND_QUEUE, jobId: job.id, campaignId: data.campaignId });
    const keys = pipelineKeys(ctx.settings.prefix, data.campaignId);
    const member = job.id ?? formatBatchJobId(data.campaignId, data.runId, data.index);
    const summary: BatchSummary = { sent: 0, failed: 0, retry: 0, released: 0, recovered: 0 };

    const campaign = await ctx.store.getCampaign(data.campaignId);
    if (!campaign || campaign.status !== 'sending') {
      summary.stoppedBy = campaign?.status;
      await finishBatch(ctx, data.campaignId, member);
      return summary;
    }

    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const owner = `batch:${member}`;
    const { claimed, reclaimed } = await ctx.store.claim(data.campaignId, data.subscriberIds, owner);
    const outcomes: SendOutcome[] = [];
    const flush = async () => {
      if (outcomes.length === 0) return;
      // settled rows must not be older than the journal entries that would recover them
      await ctx.journal.flushed();
      await ctx.store.settle(data.campaignId, outcomes.splice(0));
    };

    let toSend = claimed;
    if (reclaimed.length > 0) {
      const accepted = await ctx.redis.smismember(keys.journal, ...reclaimed);
      const resend: string[] = [];
      reclaimed.forEach((id, i) => {
        if (accepted[i] === 1) {
          outcomes.push({ subscriberId: id, state: 'sent', messageId: '', at: ctx.now() });
          summary.recovered++;
        } else {
          resend.push(id);
        }
      });
      toSend = [...resend, ...claimed];
      log.info(
        { reclaimed: reclaimed.length, recovered: summary.recovered },
        'recovered claims of an earlier run',
      );
    }

    const recipients = toSend.length > 0 ? await ctx.store.loadRecipients(data.campaignId, toSend) : [];
    const byId = new Map(recipients.map((r) => [r.id, r]));
    // claimed but no longer mailable (unsubscribed or suppressed meanwhile): nothing to send
    for (const id of toSend) {
      if (!byId.has(id)) outcomes.push({ subscriberId: id, state: 'released' });
    }

    const mails = new Map<Language, Promise<PreparedMail>>();
    const mailFor = (language: Language) => {
      let mail = mails.get(language);
      if (!mail) {
        mail = ctx.cache.get(campaign, language);
        mails.set(language, mail);
      }
      return mail;
    };

    let status: CampaignStatus | undefined = 'sending';
    let checkedAt = Date.now();
    const stillSending = async () => {
      if (Date.now() - checkedAt >= ctx.settings.statusCheckMs) {
        checkedAt = Date.now();
        status = await ctx.store.getCampaignStatus(data.campaignId);
      }
      return status === 'sending';
    };

    let transportFailure: Error | undefined;
    const sendOne = async (recipient: RecipientRecord) => {
      const prepared = await mailFor(recipient.language);
      const links = ctx.store.recipientLinks(recipient.id, data.campaignId);
      const values = resolveMergeValues(prepared.mail.compiled, {
        email: recipient.email,
        firstName: recipient.firstName,
        lastName: recipient.lastName,
        salutation: recipient.salutation,
        ...links,
      });
      const token = links.unsubscribeUrl.split('/').pop() ?? recipient.id;
      const mailbox =
        prepared.mail.unsubscribeMailbox ?? `unsubscribe@${prepared.mail.from.email.split('@').pop()}`;
      const message = prepared.template.compose(
        {
          id: recipient.id,
          to: {
            name: [recipient.firstName, recipient.lastName].filter(Boolean).join(' '),
            email: recipient.email,
          },
          values,
          unsubscribe: {
            url: links.unsubscribeUrl,
            mailto: `mailto:${mailbox}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
          },
        },
        ctx.now(),
      );
      await ctx.limiter.take();
      const started = performance.now();
      try {
        await ctx.transport.send(
          { from: prepared.envelopeFrom, to: recipient.email },
          {
            messageId: message.messageId,
            chunks: message.chunks,
            dotSafe: message.dotSafe,
            onAccepted: () => ctx.journal.record(keys.journal, recipient.id),
          },
        );
      } catch (error) {
        ctx.metrics.observeSendSeconds((performance.now() - started) / 1000);
        const failure = classifySmtpError(error);
        if (failure.throttle) await ctx.limiter.throttle();
        if (failure.kind === 'permanent' && failure.scope === 'transport') {
          transportFailure = new Error(`SMTP transport refused: ${failure.reason}`, { cause: error });
          outcomes.push({ subscriberId: recipient.id, state: 'released' });
          return;
        }
        if (failure.kind === 'permanent') {
          outcomes.push({
            subscriberId: recipient.id,
            state: 'failed',
            reason: failure.reason,
            code: failure.code,
            hardBounce: failure.hardBounce,
          });
          summary.failed++;
          ctx.metrics.failed++;
          if (failure.hardBounce) ctx.metrics.suppressed++;
          log.warn(
            { subscriberId: recipient.id, code: failure.code, reason: failure.reason },
            'permanent failure',
          );
        } else if (lastAttempt) {
          outcomes.push({
            subscriberId: recipient.id,
            state: 'failed',
            reason: `temporary failures, attempts used up: ${failure.reason}`,
            code: failure.code,
            hardBounce: false,
          });
          summary.failed++;
          ctx.metrics.failed++;
        } else {
          outcomes.push({
            subscriberId: recipient.id,
            state: 'retry',
            reason: failure.reason,
            code: failure.code,
          });
          summary.retry++;
          ctx.metrics.retried++;
        }
        return;
      }
      ctx.metrics.observeSendSeconds((performance.now() - started) / 1000);
      outcomes.push({
        subscriberId: recipient.id,
        state: 'sent',
        messageId: message.messageId,
        at: ctx.now(),
      });
      summary.sent++;
      ctx.metrics.sent++;
    };

    const queue = toSend.filter((id) => byId.has(id));
    let next = 0;
    let stopped = false;
    const lane = async () => {
      while (next < queue.length && !stopped && !transportFailure) {
        if (ctx.stopping || !(await stillSending())) {
          stopped = true;
          break;
        }
        // another lane may have taken the last recipient while this one awaited the status
        if (next >= queue.length) break;
        const id = queue[next++] as string;
        await sendOne(byId.get(id) as RecipientRecord);
        if (outcomes.length >= SETTLE_EVERY) await flush();
      }
    };
    try {
      const lanes = await Promise.allSettled(
        Array.from({ length: Math.min(ctx.settings.sendWindow, queue.length) }, lane),
      );
      const broken = lanes.find((l) => l.status === 'rejected');
      if (broken) throw broken.reason;
    } finally {
      for (let i = next; i < queue.length; i++) outcomes.push({ subscriberId: queue[i]!, state: 'released' });
      summary.released = queue.length - next;
      await flush();
    }

    if (transportFailure) {
      await ctx.store.transitionCampaign(data.campaignId, ['sending'], 'failed', transportFailure.message);
      await finishBatch(ctx, data.campaignId, member);
      throw new UnrecoverableError(transportFailure.message);
    }
    if (stopped && ctx.stopping && token) {
      // shutting down: the job goes back to the queue as it is, without using up an attempt
      log.info({ released: summary.released }, 'batch handed back on shutdown');
      await job.moveToDelayed(Date.now() + 100, token);
      throw new DelayedError();
    }
    if (stopped) {
      summary.stoppedBy = status;
      log.info({ status, released: summary.released }, 'batch stopped: campaign is no longer sending');
      await finishBatch(ctx, data.campaignId, member);
      return summary;
    }
    if (summary.retry > 0) {
      // the ledger released these rows; the next attempt claims and sends only them
      throw new Error(`${summary.retry} temporary SMTP failures in batch ${data.index}; retrying`);
    }
    await finishBatch(ctx, data.campaignId, member);
    log.debug(summary, 'batch done');
    return summary;
  };
}

async function finishBatch(ctx: WorkerContext, campaignId: string, member: string): Promise<void> {
  await ctx.redis.srem(pipelineKeys(ctx.settings.prefix, campaignId).pending, member);
  await finishCampaignIfDone(ctx, campaignId);
}
