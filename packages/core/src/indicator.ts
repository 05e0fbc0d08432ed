import { z } from 'zod';
import { Line, Year } from './common';

/** Which way an indicator should move: up, down, or reach the target value exactly. */
export const IndicatorDirection = z.enum(['increase', 'decrease', 'reach']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

/**
 * Indikator: how a goal or project is measured, ideally with a baseline, a target and a target
 * year (e.g. Wanderungssaldo, Personen, target 0 by 2025).
 */
export const Indicator = z
  .object({
    name: Line,
    /** Unit of the values, e.g. `%`, `Personen`, `Unternehmen`. */
    unit: Line,
    direction: IndicatorDirection.optional(),
    /** Ausgangswert. */
    baseline: z.number().optional(),
    baselineYear: Year.optional(),
    /** Zielwert. */
    target: z.number().optional(),
    /** Zieljahr. */
    targetYear: Year.optional(),
    /** Where the values come from, e.g. `Statistisches Landesamt`. */
    source: Line.optional(),
    note: z.string().optional(),
  })
  .superRefine((indicator, ctx) => {
    const { baselineYear, targetYear } = indicator;
    if (baselineYear !== undefined && targetYear !== undefined && targetYear < baselineYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetYear'],
        message: `expected a target year not before the baseline year ${baselineYear}, got ${targetYear}`,
      });
    }
    if (indicator.baselineYear !== undefined && indicator.baseline === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseline'],
        message: 'expected a baseline value when a baseline year is given',
      });
    }
  });
export type Indicator = z.infer<typeof Indicator>;
