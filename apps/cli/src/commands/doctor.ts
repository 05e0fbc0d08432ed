import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createSystemError } from '../cli-error';
import { addJsonOption, describeCommand } from '../command-helpers';
import type { CheckResult } from '../doctor/check-result';

/** `regiokit doctor`: checks every outside part and says what to fix; exit code 2 when one fails. */
export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('doctor');
  describeCommand(command, ctx, m.doctorDescription, m.doctorExamples);
  addJsonOption(command, ctx).action(async (options: { json?: boolean }) => {
    const { config } = ctx;
    const [{ checkDatabase }, { checkDkim }, { checkRedis }, { checkSmtp }] = await Promise.all([
      import('../doctor/check-database'),
      import('../doctor/check-dkim'),
      import('../doctor/check-redis'),
      import('../doctor/check-smtp'),
    ]);
    const [redis, database, smtp, dkim] = await Promise.all([
      checkRedis(config.redisUrl, m),
      checkDatabase(config, () => ctx.store(), m),
      checkSmtp(config.smtpUrl, config.outboxDir, m),
      checkDkim(config.dkim, m),
    ]);
    const checks: CheckResult[] = [...redis, database, ...smtp, dkim.result];
    const fails = checks.filter((c) => c.status === 'fail').length;
    const warns = checks.filter((c) => c.status === 'warn').length;
    if (options.json) {
      ctx.out.json({ ok: fails === 0, checks, dkimRecord: dkim.record ?? null });
    } else {
      const label = { ok: m.doctorOk, warn: m.doctorWarn, fail: m.doctorFail, skip: m.doctorSkip };
      ctx.out.table(
        [m.colCheck, m.colStatus, m.colDetail, m.colFix],
        checks.map((c) => [
          c.label,
          label[c.status],
          c.detail,
          c.status === 'ok' || c.status === 'skip' ? '' : (c.fix ?? ''),
        ]),
      );
      if (dkim.record !== undefined) {
        ctx.out.print(m.dkimDnsRecord(dkim.record.name));
        ctx.out.print(`  ${dkim.record.value}`);
      }
      ctx.out.print(m.doctorSummary(ctx.format.number(fails), ctx.format.number(warns)));
    }
    if (fails > 0) {
      throw createSystemError(
        'DOCTOR_FAILED',
        m.doctorSummary(ctx.format.number(fails), ctx.format.number(warns)),
        {
          reported: true,
        },
      );
    }
  });
}
