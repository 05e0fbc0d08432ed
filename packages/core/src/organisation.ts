import { z } from 'zod';
import { Line, WebUrl } from './common';
import { OfficialKey } from './region';

/**
 * Kind of a network partner (Netzwerkpartner): chamber, company, university, research institute,
 * association, school, municipality, public authority, the regional management itself, or other.
 */
export const OrganisationKind = z.enum([
  'chamber',
  'company',
  'university',
  'research',
  'association',
  'school',
  'municipality',
  'public-authority',
  'regional-management',
  'other',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** An organisation taking part in a project: a lead organisation (Federführung) or a partner. */
export const Organisation = z.object({
  name: Line,
  kind: OrganisationKind.optional(),
  url: WebUrl.optional(),
  /** Official key, when the organisation is a territorial authority. */
  officialKey: OfficialKey.optional(),
});
export type Organisation = z.infer<typeof Organisation>;
