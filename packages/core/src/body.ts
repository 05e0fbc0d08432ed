import { z } from 'zod';
import { Line, Text } from './common';
import { BodyId, RegionId } from './ids';
import { OfficialKey } from './region';

/**
 * What a body does: `decides` (Lenkungsgruppe, Lenkungsausschuss, Lenkungskommission,
 * Lenkungskreis), `advises` (Beirat, Regionalkonferenz), `works` (Arbeitskreis,
 * Facharbeitsgruppe) or `supervises` (Aufsichtsrat, Gesellschafterversammlung).
 */
export const BodyRole = z.enum(['decides', 'advises', 'works', 'supervises']);
export type BodyRole = z.infer<typeof BodyRole>;

/** The sector a member of a body comes from. */
export const Sector = z.enum([
  'wirtschaft',
  'bildung',
  'wissenschaft',
  'politik',
  'verwaltung',
  'zivilgesellschaft',
]);
export type Sector = z.infer<typeof Sector>;

/** A member of a body: a person or an institution with its sector. */
export const BodyMember = z.object({
  /** Person or institution, e.g. `Landrat des Landkreises Landshut`. */
  name: Line,
  organisation: Line.optional(),
  /** Funktion in the body, e.g. `Vorsitz`. */
  position: Line.optional(),
  sector: Sector,
  /** The region member this person represents, if any. */
  memberOfficialKey: OfficialKey.optional(),
});
export type BodyMember = z.infer<typeof BodyMember>;

/** Gremium: a body of the regional management with its role and its local name. */
export const Body = z.object({
  id: BodyId,
  regionId: RegionId,
  role: BodyRole,
  /** The name used in the region, e.g. `Lenkungsgruppe`, `Beirat`, `Facharbeitsgruppen`. */
  localName: Line,
  description: Text.optional(),
  members: z.array(BodyMember).default([]),
  /** Sectors represented, for bodies whose members are not listed by name. */
  sectors: z.array(Sector).default([]),
  /** Number of members when they are not listed, e.g. 15 experts in a Beirat. */
  memberCount: z.int().positive().optional(),
  note: z.string().optional(),
});
export type Body = z.infer<typeof Body>;

/**
 * The sectors a body brings together: those stated and those of its listed members, in the order
 * of {@link Sector}.
 */
export function listBodySectors(body: Pick<Body, 'sectors' | 'members'>): Sector[] {
  const present = new Set<Sector>([...body.sectors, ...body.members.map((m) => m.sector)]);
  return Sector.options.filter((s) => present.has(s));
}
