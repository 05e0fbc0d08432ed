import { z } from 'zod';
import { ContactPerson, IsoDate, Line, Text } from './common';
import { EventId, FieldOfActionId, RegionId, StrategyId, WorkshopId } from './ids';
import { Measure } from './measure';

/**
 * Workshop-Ergebnis: the result of a workshop (e.g. at a Regionalkonferenz) with its guiding
 * question (Zielfrage), objective (Ziel), measures on the workshop card, expected results, input
 * speakers and moderation.
 */
export const Workshop = z.object({
  id: WorkshopId,
  regionId: RegionId,
  title: Line,
  date: IsoDate,
  /** The event the workshop was part of, e.g. the Regionalkonferenz. */
  eventId: EventId.optional(),
  place: Line.optional(),
  /** Zielfrage. */
  guidingQuestion: Text,
  /** Ziel. */
  objective: Text,
  /** Maßnahmen / Ansatzpunkte, each on the workshop card. */
  measures: z.array(Measure).min(1, { error: 'expected at least one measure' }),
  /** Erwartete Ergebnisse. */
  expectedResults: z.array(Text).default([]),
  /** Impulsgeber: who gave an input talk. */
  inputSpeakers: z.array(ContactPerson).default([]),
  /** Moderation. */
  moderation: z.array(ContactPerson).default([]),
  participantCount: z.int().positive().optional(),
  strategyId: StrategyId.optional(),
  fieldOfActionIds: z.array(FieldOfActionId).default([]),
  note: z.string().optional(),
});
export type Workshop = z.infer<typeof Workshop>;
