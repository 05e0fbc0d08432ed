import { DomainError, listPublicationActions, type PublicationAction } from '@regiokit/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { addJsonOption, addRegionOption, describeCommand } from '../command-helpers';
import { describeActor } from '../services/campaigns';
import { resolveRegions } from '../services/regions';

const KINDS = ['newsletter-issue', 'press-release'] as const;
type Kind = (typeof KINDS)[number];
const ACTIONS: readonly PublicationAction[] = ['approve', 'publish', 'unpublish', 'withdraw', 'reopen'];

/**
 * `regiokit approve|publish|unpublish|withdraw|reopen <newsletter-issue|press-release> <id>`: one
 * step of the publication state, checked by core's lifecycle and audited by the store.
 */
export function registerPublicationCommands(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  for (const action of ACTIONS) {
    const command = program
      .command(action)
      .argument('<kind>', m.publicationKindArgument)
      .argument('<id>', m.publicationIdArgument);
    describeCommand(command, ctx, m.publicationDescriptions[action] ?? action, m.publicationExamples(action));
    addRegionOption(command, ctx);
    addJsonOption(command, ctx).action(
      async (kind: string, id: string, options: { region?: string; json?: boolean }) => {
        if (!(KINDS as readonly string[]).includes(kind))
          throw createUserError('UNKNOWN_KIND', m.publicationUnknownKind(kind));
        const recordKind = kind as Kind;
        const store = await ctx.store();
        const found: { regionId: string; title: string; embargo: string | undefined }[] = [];
        for (const region of await resolveRegions(ctx, options.region)) {
          const record = await store.records.get(recordKind, region.id, id);
          if (record === undefined) continue;
          found.push({
            regionId: region.id,
            title: 'subject' in record ? record.subject : record.headline,
            embargo: 'embargo' in record ? record.embargo : undefined,
          });
        }
        const [target, ...more] = found;
        const kindLabel = m.publicationKindLabels[recordKind] ?? recordKind;
        if (target === undefined)
          throw createUserError('UNKNOWN_CONTENT', m.publicationUnknown(kindLabel, id));
        if (more.length > 0) {
          throw createUserError(
            'AMBIGUOUS_CONTENT',
            m.publicationAmbiguous(id, found.map((f) => f.regionId).join(', ')),
          );
        }
        const state = (s: string) => m.publicationStateLabels[s] ?? s;
        const title = `${kindLabel} „${target.title}“`;
        let change: Awaited<ReturnType<typeof store.records.changePublication>>;
        try {
          change = await store.records.changePublication(recordKind, target.regionId, id, action, {
            actor: describeActor(),
          });
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'ILLEGAL_TRANSITION') throw error;
          const from = String(error.details.from);
          const allowed = listPublicationActions(from as never);
          throw createUserError(
            'ILLEGAL_PUBLICATION_STEP',
            m.publicationRefused(
              title,
              state(from),
              action,
              allowed.length === 0
                ? m.publicationNothingAllowed
                : allowed.map((a) => `regiokit ${a} ${recordKind} ${id}`).join(', '),
            ),
            { cause: error },
          );
        }
        if (options.json) return ctx.out.json(change);
        ctx.out.print(m.publicationChanged(title, state(change.from), state(change.publication)));
        if (
          change.publication === 'published' &&
          target.embargo !== undefined &&
          Date.parse(target.embargo) > ctx.now().getTime()
        ) {
          ctx.out.note(m.publicationEmbargoNote(ctx.format.dateTime(target.embargo)));
        }
      },
    );
  }
}
