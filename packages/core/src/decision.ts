import { z } from 'zod';
import { IsoDate, Line, Text } from './common';
import { BodyId, DecisionId, ProjectId, RegionId } from './ids';

/**
 * What a body resolved: `approved` (beschlossen / bestätigt), `rejected`, `deferred` (vertagt),
 * `recommended` (empfohlen, the outcome of an advising body) or `noted` (zur Kenntnis genommen).
 */
export const DecisionOutcome = z.enum(['approved', 'rejected', 'deferred', 'recommended', 'noted']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** Beschluss: a decision of a body on a day, about a subject, with its outcome. */
export const Decision = z.object({
  id: DecisionId,
  regionId: RegionId,
  bodyId: BodyId,
  date: IsoDate,
  subject: Line,
  outcome: DecisionOutcome,
  /** Projects the decision is about. */
  projectIds: z.array(ProjectId).default([]),
  /** Beschlussnummer, e.g. `LG 3/2024`. */
  reference: Line.optional(),
  /** Wording of the resolution. */
  text: Text.optional(),
  note: z.string().optional(),
});
export type Decision = z.infer<typeof Decision>;
