import type { CampaignContent, NewsletterIssue, PressRelease, Region } from '@regiokit/core';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { resolveRegions } from './regions';

/** A newsletter issue or press release with its region. */
export type ContentRef =
  | { kind: 'newsletter'; region: Region; record: NewsletterIssue }
  | { kind: 'press-release'; region: Region; record: PressRelease };

/**
 * Finds the newsletter issue or press release with `id`, in the `--region` given or in every
 * region; a user error when there is none, or several and no region to choose.
 */
export async function findContent(
  ctx: CliContext,
  id: string,
  regionId: string | undefined,
): Promise<ContentRef> {
  const store = await ctx.store();
  const found: ContentRef[] = [];
  for (const region of await resolveRegions(ctx, regionId)) {
    const issue = await store.records.get('newsletter-issue', region.id, id);
    if (issue !== undefined) found.push({ kind: 'newsletter', region, record: issue });
    const release = await store.records.get('press-release', region.id, id);
    if (release !== undefined) found.push({ kind: 'press-release', region, record: release });
  }
  const [first, ...more] = found;
  if (first === undefined) throw createUserError('UNKNOWN_CONTENT', ctx.m.previewUnknown(id));
  if (more.length > 0) {
    throw createUserError(
      'AMBIGUOUS_CONTENT',
      ctx.m.previewAmbiguous(id, found.map((f) => `${f.region.id} (${f.kind})`).join(', ')),
    );
  }
  return first;
}

/** What a campaign of this issue or press release sends. */
export function contentOf(content: ContentRef): CampaignContent {
  return content.kind === 'newsletter'
    ? { kind: 'newsletter', issueId: content.record.id }
    : { kind: 'press-release', pressReleaseId: content.record.id };
}
