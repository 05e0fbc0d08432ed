import { resolveMergeValues } from '@regiokit/content';
import type { CampaignStatus, Language } from '@regiokit/core';
import { classifySmtpError } from '@regiokit/smtp';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { formatBatchJobId, SEND_QUEUE, SendBatchJob } from '../jobs/send-batch-job';
import { isRenderError } from '../sending/render-error';
import type { RecipientRecord, SendOutcome } from '../sending/sending-store';
import type { PreparedMail } from '../sending/template-cache';
import { finishCampaignIfDone, markDone } from './finish-campaign';
import { pipelineKeys, type WorkerContext } from './worker-context';

/** What a batch did; the job's return value. */
export interface BatchSummary {
  sent: number;
  failed: number;
  retry: number;
  skipped: number;
  released: number;
  recovered: number;
  stoppedBy?: CampaignStatus | undefined;
}

/** Most recipients claimed at once. */
const CLAIM_CHUNK = 250;
/** A claim covers at most this much sending at the full rate, so its lease holds under back-pressure. */
const CLAIM_SECONDS = 10;

/**
 * Processes one batch in chunks: claim in the ledger → check the journal → per message: take a
 * rate token → personalise → SMTP; then settle. Messages go out paced by the rate, not in bursts.
 * A message is journaled right before all of it, final dot included, goes to the kernel (the
 * server's 250 is one round trip later), and the entry is taken back if the send fails after all.
 * A run that crashed before settling is recovered without sending twice: its claims lapse, the job
 * runs again, reclaims them and settles those in the journal as sent. Checks the campaign status
 * between messages, so pause and cancel take effect within `statusCheckMs`.
 */
export function createSendBatchProcessor(ctx: WorkerContext) {
  return async function processSendBatch(job: Job, token?: string): Promise<BatchSummary> {
    const data = SendBatchJob.parse(job.data);
    const log = ctx.logger.child({ queue: SEND_QUEUE, jobId: job.id, campaignId: data.campaignId });
    const keys = pipelineKeys(ctx.settings.prefix, data.regionId, data.campaignId);
    const member = job.id ?? formatBatchJobId(data.regionId, data.campaignId, data.runId, data.index);
    const summary: BatchSummary = { sent: 0, failed: 0, retry: 0, skipped: 0, released: 0, recovered: 0 };
    const finish = async () => {
      await markDone(ctx, keys, member);
      await finishCampaignIfDone(ctx, data.regionId, data.campaignId);
    };

    const campaign = await ctx.store.getCampaign(data.regionId, data.campaignId);
    if (!campaign || campaign.status !== 'sending') {
      summary.stoppedBy = campaign?.status;
      await finish();
      return summary;
    }
    const range = { after: data.after, ids: data.subscriberIds };
    const recipients = new Map((await ctx.store.loadRecipients(campaign, range)).map((r) => [r.id, r]));
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const owner = `${process.pid}:${member}`;

    let status: CampaignStatus | undefined = 'sending';
    let checkedAt = Date.now();
    const refreshStatus = async () => {
      checkedAt = Date.now();
      status = await ctx.store.getCampaignStatus(data.regionId, data.campaignId);
      return status === 'sending';
    };
    /** Whether to go on; asks the store at most every `statusCheckMs`, else answers at once. */
    const stillSending = (): boolean | Promise<boolean> => {
      if (ctx.stopping) return false;
      if (Date.now() - checkedAt >= ctx.settings.statusCheckMs) return refreshStatus();
      return status === 'sending';
    };

    interface MailOfLanguage {
      prepared: PreparedMail;
      /** The mailbox of the `List-Unsubscribe` mailto. */
      mailbox: string;
    }
    const mails = new Map<Language, Promise<MailOfLanguage>>();
    /** Filled as the mails are ready, so a message needs no wait for them. */
    const ready = new Map<Language, MailOfLanguage>();
    const mailFor = (language: Language): MailOfLanguage | Promise<MailOfLanguage> => {
      const known = ready.get(language);
      if (known) return known;
      let mail = mails.get(language);
      if (!mail) {
        mail = ctx.cache.get(campaign, language).then((prepared) => {
          const m = {
            prepared,
            mailbox:
              prepared.mail.unsubscribeMailbox ?? `unsubscribe@${prepared.mail.from.email.split('@').pop()}`,
          };
          ready.set(language, m);
          return m;
        });
        mails.set(language, mail);
      }
      return mail;
    };

    // the first batch of a campaign renders its mail: that starts now, while the chunk is claimed
    for (const language of new Set(Array.from(recipients.values(), (r) => r.language))) {
      const mail = mailFor(language);
      // awaited by the first message; a render error is handled there
      if (mail instanceof Promise) mail.catch(() => undefined);
    }

    let transportFailure: Error | undefined;
    const sendOne = async (recipient: RecipientRecord, outcomes: SendOutcome[]) => {
      const known = mailFor(recipient.language);
      const { prepared, mailbox } = known instanceof Promise ? await known : known;
      const links = ctx.store.recipientLinks(campaign, recipient.id);
      const values = resolveMergeValues(prepared.mail.compiled, {
        email: recipient.email,
        firstName: recipient.firstName,
        lastName: recipient.lastName,
        salutation: recipient.salutation,
        ...links,
      });
      const tokenPart = links.unsubscribeUrl.slice(links.unsubscribeUrl.lastIndexOf('/') + 1);
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
            mailto: `mailto:${mailbox}?subject=${encodeURIComponent(`unsubscribe ${tokenPart}`)}`,
          },
        },
        ctx.now(),
      );
      const started = performance.now();
      // journaled as the whole message goes on its way (or when accepted, where the transport
      // cannot tell), so a worker killed before the reply does not send it again; taken back when
      // the send fails after all
      let journaled = false;
      const journal = (delivered: boolean) => {
        if (journaled === delivered) return;
        journaled = delivered;
        if (delivered) ctx.journal.record(keys.journal, recipient.id);
        else ctx.journal.retract(keys.journal, recipient.id);
      };
      try {
        const { response } = await ctx.transport.send(
          { from: prepared.envelopeFrom, to: recipient.email },
          {
            messageId: message.messageId,
            chunks: message.chunks,
            dotSafe: message.dotSafe,
            onHandOver: () => journal(true),
            onHandOverDelayed: () => journal(false),
            onAccepted: () => journal(true),
          },
        );
        // written and answered: its room in the slab can take the next messages
        message.release();
        ctx.metrics.observeSendSeconds((performance.now() - started) / 1000);
        outcomes.push({
          subscriberId: recipient.id,
          state: 'sent',
          messageId: message.messageId,
          reply: response,
        });
        summary.sent++;
        ctx.metrics.sent++;
      } catch (error) {
        message.release();
        journal(false);
        ctx.metrics.observeSendSeconds((performance.now() - started) / 1000);
        const failure = classifySmtpError(error);
        if (failure.throttle) await ctx.limiter.throttle();
        if (failure.kind === 'permanent' && failure.scope === 'transport') {
          transportFailure ??= new Error(`SMTP transport refused: ${failure.reason}`, { cause: error });
          outcomes.push({ subscriberId: recipient.id, state: 'released' });
        } else if (failure.kind === 'permanent' || lastAttempt) {
          const reason =
            failure.kind === 'permanent' ? failure.reason : `attempts used up: ${failure.reason}`;
          outcomes.push({
            subscriberId: recipient.id,
            state: 'failed',
            reason,
            hardBounce: failure.hardBounce,
          });
          summary.failed++;
          ctx.metrics.failed++;
          if (failure.hardBounce) ctx.metrics.suppressed++;
          log.warn({ subscriberId: recipient.id, code: failure.code, reason }, 'permanent failure');
        } else {
          const retryAt = new Date(Date.now() + Math.round(ctx.settings.backoffMs / 2));
          outcomes.push({ subscriberId: recipient.id, state: 'retry', reason: failure.reason, retryAt });
          summary.retry++;
          ctx.metrics.retried++;
        }
      }
    };

    let stopped = false;
    /** Every recipient of the batch claimed by this run and settled for good: nothing can be left. */
    let settledAll = true;
    try {
      const chunkSize = Math.max(
        1,
        Math.min(CLAIM_CHUNK, Math.floor(ctx.limiter.ratePerSecond * CLAIM_SECONDS)),
      );
      const chunks: string[][] = [];
      for (let i = 0; i < data.subscriberIds.length; i += chunkSize) {
        chunks.push(data.subscriberIds.slice(i, i + chunkSize));
      }
      // The next chunk is claimed (with its journal lookup) while the current one is sent, and
      // settles run in the background, so the database's round trips overlap with SMTP.
      const acquire = (chunk: readonly string[]) => {
        const acquired = (async () => {
          const claim = await ctx.store.claim(campaign, chunk, owner);
          const journaled =
            claim.claimed.length > 0 ? await ctx.redis.smismember(keys.journal, ...claim.claimed) : [];
          return { claim, journaled };
        })();
        // awaited later; until then a failure must not count as unhandled
        acquired.catch(() => undefined);
        return acquired;
      };
      let settleError: unknown;
      const settles: Promise<void>[] = [];
      const settleLater = (handle: unknown, outcomes: SendOutcome[]) => {
        if (outcomes.some((o) => o.state === 'released' || o.state === 'retry')) settledAll = false;
        settles.push(
          (async () => {
            // settled rows must not be older than the journal entries that would recover them
            await ctx.journal.flushed();
            const { lost } = await ctx.store.settle(campaign, handle, outcomes);
            if (lost > 0) settledAll = false;
          })().catch((error: unknown) => {
            settleError ??= error;
          }),
        );
      };
      let nextChunk = chunks.length > 0 && (await stillSending()) ? acquire(chunks[0]!) : undefined;
      try {
        for (let c = 0; nextChunk && !stopped && !transportFailure; c++) {
          const { claim, journaled } = await nextChunk;
          nextChunk = c + 1 < chunks.length && (await stillSending()) ? acquire(chunks[c + 1]!) : undefined;
          if (nextChunk === undefined && c + 1 < chunks.length) stopped = true;
          // some rows were done before or are held by someone else: the end looks them up
          if (claim.claimed.length < chunks[c]!.length) settledAll = false;
          if (claim.claimed.length === 0) continue;
          const outcomes: SendOutcome[] = [];
          const queue: RecipientRecord[] = [];
          claim.claimed.forEach((id, i) => {
            const recipient = recipients.get(id);
            if (journaled[i] === 1) {
              // accepted by the server in a run that died before settling
              outcomes.push({ subscriberId: id, state: 'sent' });
              summary.recovered++;
            } else if (!recipient) {
              outcomes.push({ subscriberId: id, state: 'skipped' });
              summary.skipped++;
            } else {
              queue.push(recipient);
            }
          });
          // lanes waiting for a rate token do not look at the campaign: this does, and ends their
          // wait, so a pause settles the chunk within about statusCheckMs even at a low rate
          const halt = new AbortController();
          const watch = setInterval(() => {
            Promise.resolve(stillSending()).then(
              (sending) => {
                if (!sending) halt.abort();
              },
              () => undefined,
            );
          }, ctx.settings.statusCheckMs);
          let next = 0;
          const lane = async () => {
            while (next < queue.length && !transportFailure) {
              const going = stillSending();
              if (!(typeof going === 'boolean' ? going : await going)) {
                stopped = true;
                return;
              }
              if (next >= queue.length) return;
              const recipient = queue[next++] as RecipientRecord;
              try {
                if (!ctx.limiter.tryTake()) await ctx.limiter.take(halt.signal);
              } catch (error) {
                outcomes.push({ subscriberId: recipient.id, state: 'released' });
                summary.released++;
                throw error;
              }
              // at a low rate every lane waits for its token a while: a pause or cancel that came
              // meanwhile must hold the message back, not only the next one
              const still = stillSending();
              if (halt.signal.aborted || !(typeof still === 'boolean' ? still : await still)) {
                outcomes.push({ subscriberId: recipient.id, state: 'released' });
                summary.released++;
                stopped = true;
                return;
              }
              await sendOne(recipient, outcomes);
            }
          };
          try {
            const lanes = await Promise.allSettled(
              Array.from({ length: Math.min(ctx.settings.sendWindow, queue.length) }, lane),
            );
            const broken = lanes.find((l) => l.status === 'rejected');
            if (broken) throw broken.reason;
          } finally {
            clearInterval(watch);
            for (let i = next; i < queue.length; i++) {
              outcomes.push({ subscriberId: queue[i]!.id, state: 'released' });
            }
            summary.released += queue.length - next;
            settleLater(claim.handle, outcomes);
          }
        }
      } finally {
        if (nextChunk) {
          // acquired ahead, then not sent (stopped): give the claim back
          const ahead = await nextChunk.catch(() => undefined);
          if (ahead) {
            settleLater(
              ahead.claim.handle,
              ahead.claim.claimed.map((id) => ({ subscriberId: id, state: 'released' as const })),
            );
          }
        }
        await Promise.all(settles);
      }
      if (settleError) throw settleError;
    } catch (error) {
      if (!isRenderError(error)) throw error;
      // the mail cannot be rendered: no attempt can succeed
      const reason = `cannot render the mail: ${error.message}`;
      await ctx.store.transitionCampaign(data.regionId, data.campaignId, ['sending'], 'failed', reason);
      await finish();
      throw new UnrecoverableError(reason);
    }

    if (transportFailure) {
      await ctx.store.transitionCampaign(
        data.regionId,
        data.campaignId,
        ['sending'],
        'failed',
        transportFailure.message,
      );
      await finish();
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
      await finish();
      return summary;
    }
    if (summary.retry > 0) {
      throw new Error(`${summary.retry} temporary SMTP failures in batch ${data.index}; retrying`);
    }
    const unfinished = settledAll
      ? { ids: [], retryAt: undefined }
      : await ctx.store.unfinished(campaign, range);
    if (unfinished.ids.length > 0 && token) {
      // held by a claim of a run that died, or waiting for a retry: come back when it is free
      const at = Math.max(Date.now() + 200, unfinished.retryAt?.getTime() ?? Date.now() + 1_000);
      log.info(
        { unfinished: unfinished.ids.length, until: new Date(at).toISOString() },
        'batch waits for held claims',
      );
      await job.moveToDelayed(at, token);
      throw new DelayedError();
    }
    await finish();
    log.debug(summary, 'batch done');
    return summary;
  };
}
