import type { ApiToken } from '@regiokit/store';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, describeCommand } from '../command-helpers';
import { describeActor } from '../services/campaigns';
import { resolveRegions } from '../services/regions';
import { parseExpiry } from '../time/parse-expiry';

/** The scope that lets a token act on every region. */
const ALL_REGIONS = '*';

/** `regiokit api-token create|list|revoke`. */
export function registerApiTokenCommands(program: Command, ctx: CliContext): void {
  const { m, format } = ctx;
  const apiToken = describeCommand(
    program.command('api-token'),
    ctx,
    m.apiTokenDescription,
    m.apiTokenExamples,
  );
  const regionLabel = (regionId: string) => (regionId === ALL_REGIONS ? m.apiTokenAllRegions : regionId);

  const create = apiToken.command('create');
  describeCommand(create, ctx, m.apiTokenCreateDescription, m.apiTokenCreateExamples);
  addJsonOption(create, ctx)
    .addOption(new Option('--region <id|*>', m.apiTokenRegionOption).makeOptionMandatory())
    .addOption(new Option('--name <name>', m.apiTokenNameOption).makeOptionMandatory())
    .option('--expires <date>', m.apiTokenExpiresOption)
    .action(async (options: { region: string; name: string; expires?: string; json?: boolean }) => {
      let expiresAt: Date | undefined;
      if (options.expires !== undefined) {
        expiresAt = parseExpiry(options.expires);
        if (expiresAt === undefined) {
          throw createUserError('DATE_UNPARSEABLE', m.apiTokenExpiresUnparseable(options.expires));
        }
        if (expiresAt.getTime() <= ctx.now().getTime()) {
          throw createUserError('DATE_IN_PAST', m.dateInPast(format.dateTime(expiresAt)));
        }
      }
      if (options.region !== ALL_REGIONS) await resolveRegions(ctx, options.region);
      const store = await ctx.store();
      const { token, record } = await store.apiTokens.create({
        name: options.name,
        regionId: options.region,
        actor: describeActor(),
        ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.toISOString() }),
      });
      if (options.json) return ctx.out.json({ token, ...record });
      ctx.out.note(m.apiTokenCreated(record.id, regionLabel(record.regionId)));
      ctx.out.print(token);
      ctx.out.note(m.apiTokenShownOnce);
    });

  const list = apiToken.command('list');
  describeCommand(list, ctx, m.apiTokenListDescription, m.apiTokenListExamples);
  addJsonOption(list, ctx)
    .option('--region <id>', m.apiTokenListRegionOption)
    .action(async (options: { region?: string; json?: boolean }) => {
      if (options.region !== undefined) await resolveRegions(ctx, options.region);
      const store = await ctx.store();
      const { apiTokenState } = await import('@regiokit/store');
      const tokens = await store.apiTokens.list(
        options.region === undefined ? {} : { regionId: options.region },
      );
      const now = ctx.now();
      if (options.json) {
        return ctx.out.json(tokens.map((t) => ({ ...t, state: apiTokenState(t, now) })));
      }
      if (tokens.length === 0) return ctx.out.note(m.apiTokenNone);
      const when = (instant: string | undefined) => (instant === undefined ? '–' : format.dateTime(instant));
      ctx.out.table(
        [m.colId, m.colName, m.colRegion, m.colStatus, m.colCreated, m.colLastUsed, m.colExpires],
        tokens.map((t: ApiToken) => [
          t.id,
          t.name,
          regionLabel(t.regionId),
          m.apiTokenStates[apiTokenState(t, now)] ?? apiTokenState(t, now),
          when(t.createdAt),
          when(t.lastUsedAt),
          when(t.expiresAt),
        ]),
      );
    });

  const revoke = apiToken.command('revoke').argument('<id>', m.apiTokenRevokeArgument);
  describeCommand(revoke, ctx, m.apiTokenRevokeDescription, m.apiTokenRevokeExamples);
  addJsonOption(revoke, ctx).action(async (id: string, options: { json?: boolean }) => {
    const store = await ctx.store();
    const before = await store.apiTokens.get(id);
    if (before === undefined) throw createUserError('UNKNOWN_API_TOKEN', m.apiTokenUnknown(id));
    const revoked = (await store.apiTokens.revoke(id, describeActor())) ?? before;
    if (options.json) return ctx.out.json(revoked);
    if (before.revokedAt !== undefined) {
      return ctx.out.print(m.apiTokenAlreadyRevoked(id, format.dateTime(before.revokedAt)));
    }
    ctx.out.print(m.apiTokenRevoked(id, revoked.name));
  });
}
