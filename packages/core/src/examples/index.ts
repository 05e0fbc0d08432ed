// biome-ignore-all assist/source/organizeImports: exports are grouped by concept, one comment per group
/**
 * Reference regions for demos and tests: four real regional managements as typed, valid records.
 *
 * Facts come from public sources (named `S…` in the records' notes): members, official keys,
 * populations with their as-of date, bodies, strategies, funding periods and projects. Everything
 * the sources do not say is illustrative and marked so: imprints and senders use `example.org`
 * addresses and "Musterstraße 1", people are "Erika Musterfrau" and "Max Mustermann", invented
 * days and times carry a note, and classifications the sources leave open (project kind, field of
 * action, role of a body) are noted as editorial.
 *
 * @packageDocumentation
 */

import type { RegionBundle } from '../region-bundle';
import type { Workshop } from '../workshop';
import { KIELREGION } from './kielregion';
import { NORDTHUERINGEN } from './nordthueringen';
import { REGION_LANDSHUT } from './region-landshut';
import { THUERINGER_BOGEN } from './thueringer-bogen';

// Bundle type
export type { RegionBundle } from '../region-bundle';

// The four reference regions
export { KIELREGION } from './kielregion';
export { NORDTHUERINGEN } from './nordthueringen';
export { REGION_LANDSHUT } from './region-landshut';
export { THUERINGER_BOGEN } from './thueringer-bogen';

/** All four reference regions: KielRegion, Thüringer Bogen, Nordthüringen, Region Landshut. */
export const EXAMPLE_REGIONS: readonly RegionBundle[] = [
  KIELREGION,
  THUERINGER_BOGEN,
  NORDTHUERINGEN,
  REGION_LANDSHUT,
];

/**
 * The KielRegion workshop "Kooperation im Ostseeraum" of the Regionalkonferenz 2024 with its four
 * measures (question, objective and measures are illustrative; see its note).
 */
export const KOOPERATION_IM_OSTSEERAUM: Workshop = findWorkshop(KIELREGION, 'kooperation-im-ostseeraum');

function findWorkshop(bundle: RegionBundle, id: string): Workshop {
  const workshop = bundle.workshops.find((w) => w.id === id);
  if (workshop === undefined) throw new Error(`example workshop "${id}" is missing`);
  return workshop;
}
