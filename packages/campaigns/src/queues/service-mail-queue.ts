import { resolveMergeValues } from '@regiokit/content';
import type { Language } from '@regiokit/core';
import { classifySmtpError } from '@regiokit/smtp';
import { type Job, UnrecoverableError } from 'bullmq';
import { SERVICE_MAIL_QUEUE, ServiceMailJob } from '../jobs/service-mail-job';
import { isRenderError } from '../sending/render-error';
import { type PreparedMail, prepareMail } from '../sending/template-cache';
import type { ServiceMailKind } from '../sending/template-source';
import type { WorkerContext } from './worker-context';

/** Sends one service mail or test send. Permanent SMTP failures end the job; temporary ones retry. */
export function createServiceMailProcessor(ctx: WorkerContext) {
  const prepared = new Map<string, Promise<PreparedMail>>();
  const serviceMail = (kind: ServiceMailKind, regionId: string, language: Language) => {
    const key = `${kind}|${regionId}|${language}`;
    let entry = prepared.get(key);
    if (!entry) {
      entry = ctx.templates
        .compileServiceMail(kind, regionId, language)
        .then((mail) => prepareMail(kind, mail, ctx.dkim));
      entry.catch(() => prepared.delete(key));
      prepared.set(key, entry);
    }
    return entry;
  };

  return async function processServiceMail(job: Job): Promise<{ messageId: string; response: string }> {
    const data = ServiceMailJob.parse(job.data);
    const log = ctx.logger.child({
      queue: SERVICE_MAIL_QUEUE,
      jobId: job.id,
      campaignId: data.kind === 'test' ? data.campaignId : undefined,
    });
    let mail: PreparedMail;
    let values: string[];
    let recipientId: string;
    let unsubscribe: { url: string; mailto: string } | undefined;
    try {
      if (data.kind === 'test') {
        const campaign = await ctx.store.getCampaign(data.regionId, data.campaignId);
        if (!campaign) throw new UnrecoverableError(`campaign ${data.regionId}/${data.campaignId} not found`);
        mail = await ctx.cache.get(campaign, 'de', true);
        const url = ctx.store.recipientLinks(campaign, '00000000-0000-0000-0000-000000000000').unsubscribeUrl;
        values = resolveMergeValues(mail.mail.compiled, {
          email: data.email,
          firstName: 'Erika',
          lastName: 'Mustermann',
          unsubscribeUrl: url,
          preferencesUrl: url,
          webVersionUrl: url,
        });
        recipientId = `test-${job.id}`;
        unsubscribe = { url, mailto: `mailto:${data.email}` };
      } else {
        mail = await serviceMail(data.kind, data.regionId, data.language);
        values = resolveMergeValues(mail.mail.compiled, {
          ...ctx.store.serviceLinks(data.regionId, data.subscriberId),
          email: data.email,
          firstName: data.firstName,
          lastName: data.lastName,
          salutation: data.salutation,
          confirmUrl: data.kind === 'double-opt-in' ? data.confirmUrl : undefined,
          resubscribeUrl: data.kind === 'unsubscribe-confirmation' ? data.resubscribeUrl : undefined,
        });
        recipientId = `${data.subscriberId}.${job.id}`;
      }
    } catch (error) {
      if (isRenderError(error))
        throw new UnrecoverableError(`cannot render the ${data.kind} mail: ${error.message}`);
      throw error;
    }
    const message = mail.template.compose(
      { id: recipientId, to: { email: data.email }, values, unsubscribe },
      ctx.now(),
    );
    await ctx.limiter.takePriority();
    try {
      const { response } = await ctx.transport.send({ from: mail.envelopeFrom, to: data.email }, message);
      ctx.metrics.sent++;
      log.info({ kind: data.kind, messageId: message.messageId }, 'service mail sent');
      return { messageId: message.messageId, response };
    } catch (error) {
      const failure = classifySmtpError(error);
      if (failure.throttle) await ctx.limiter.throttle();
      if (failure.kind === 'permanent') {
        ctx.metrics.failed++;
        throw new UnrecoverableError(`service mail to ${data.email} refused: ${failure.reason}`);
      }
      ctx.metrics.retried++;
      throw new Error(`service mail to ${data.email} failed temporarily: ${failure.reason}`, {
        cause: error,
      });
    }
  };
}
