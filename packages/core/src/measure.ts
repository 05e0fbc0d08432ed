import { z } from 'zod';
import { IsoDate, Line, Text } from './common';

/**
 * Zeitplan of a measure: as soon as possible ("ASAP"), a period (either end may be open), or a
 * free text such as `2. Halbjahr 2025`.
 */
export const MeasureSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asap') }),
  z
    .object({ kind: z.literal('period'), from: IsoDate.optional(), to: IsoDate.optional() })
    .refine((p) => p.from !== undefined || p.to !== undefined, {
      path: ['from'],
      error: 'expected a start (from) or an end (to) of the period',
    })
    .refine((p) => p.from === undefined || p.to === undefined || p.to >= p.from, {
      path: ['to'],
      error: 'expected the end not before the start',
    }),
  z.object({ kind: z.literal('text'), text: Line }),
]);
export type MeasureSchedule = z.infer<typeof MeasureSchedule>;

/**
 * Maßnahme / Ansatzpunkt: one concrete action, written on the fixed workshop card that projects
 * use too: Beschreibung, Was muss passieren?, Wer muss beteiligt werden?, Welche Ressourcen werden
 * benötigt?, Was sind die nächsten Schritte?, Offene Fragen, Zeitplan.
 */
export const Measure = z.object({
  title: Line,
  /** Beschreibung. */
  description: Text,
  /** Was muss passieren? */
  whatMustHappen: z.array(Text).default([]),
  /** Wer muss beteiligt werden? */
  whoMustBeInvolved: z.array(Line).default([]),
  /** Welche Ressourcen werden benötigt? */
  resources: z.array(Text).default([]),
  /** Was sind die nächsten Schritte? */
  nextSteps: z.array(Text).default([]),
  /** Offene Fragen. */
  openQuestions: z.array(Text).default([]),
  /** Zeitplan. */
  schedule: MeasureSchedule.optional(),
});
export type Measure = z.infer<typeof Measure>;
