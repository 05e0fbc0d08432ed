import { z } from 'zod';
import { IsoDate, Line, Text, WebUrl, Year } from './common';
import { FieldOfActionId, GoalId, RegionId, StrategyId } from './ids';
import { Indicator } from './indicator';

/**
 * Kind of strategy document: `rek` Regionales Entwicklungskonzept, `rwek` Regionalwirtschaftliches
 * Entwicklungskonzept, `irek` Integriertes Regionales Entwicklungskonzept, `les` LEADER Lokale
 * Entwicklungsstrategie, `other` for guidelines (Leitlinien) and strategy papers of other names.
 */
export const StrategyKind = z.enum(['rek', 'rwek', 'irek', 'les', 'other']);
export type StrategyKind = z.infer<typeof StrategyKind>;

/** A version of a strategy: the first edition or a Fortschreibung (update). */
export const StrategyVersion = z
  .object({
    /** E.g. `Fortschreibung 2021`. */
    label: Line,
    /** Day of adoption or the "Stand" date. */
    date: IsoDate.optional(),
    /** Year, when only the year is known. */
    year: Year.optional(),
    /** The kind, when a version changed it (an RWEK updated as an IREK). */
    kind: StrategyKind.optional(),
    /** Who wrote it, e.g. `LEG Thüringen`. */
    author: Line.optional(),
    url: WebUrl.optional(),
    note: z.string().optional(),
  })
  .refine((v) => v.date !== undefined || v.year !== undefined, {
    path: ['date'],
    error: 'expected a date or a year of the version',
  })
  .refine((v) => v.date === undefined || v.year === undefined || v.date.startsWith(String(v.year)), {
    path: ['year'],
    error: 'expected the year of the date',
  });
export type StrategyVersion = z.infer<typeof StrategyVersion>;

/** Leitlinie / strategisches Ziel: a goal of a strategy, ideally with indicators. */
export const Goal = z.object({
  id: GoalId,
  /** Short code, e.g. `Z1`. */
  code: Line.optional(),
  title: Line,
  description: Text.optional(),
  indicators: z.array(Indicator).default([]),
  note: z.string().optional(),
});
export type Goal = z.infer<typeof Goal>;

/** Code of a field of action: a letter or a number, e.g. `B`, `2`, `2.1`. */
export const FieldOfActionCode = z.string().regex(/^[A-Z0-9](?:[A-Z0-9.]{0,4}[A-Z0-9])?$/, {
  error: (i) =>
    `expected a code of capital letters or digits such as "B" or "2.1", got ${JSON.stringify(i.input)}`,
});
export type FieldOfActionCode = z.infer<typeof FieldOfActionCode>;

/** Handlungsfeld: a field of action of a strategy, lettered or numbered. */
export const FieldOfAction = z.object({
  id: FieldOfActionId,
  code: FieldOfActionCode.optional(),
  title: Line,
  description: Text.optional(),
  /** The goals this field works towards. */
  goalIds: z.array(GoalId).default([]),
  note: z.string().optional(),
});
export type FieldOfAction = z.infer<typeof FieldOfAction>;

/** Querschnittsthema: a theme that applies to every field of action (Vernetzung, Innovation, …). */
export const CrossCuttingTheme = z.object({
  title: Line,
  description: Text.optional(),
});
export type CrossCuttingTheme = z.infer<typeof CrossCuttingTheme>;

/** Geltungsdauer: from when until when a strategy applies; either end may be open. */
export const StrategyValidity = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((v) => v.from === undefined || v.to === undefined || v.to >= v.from, {
    path: ['to'],
    error: 'expected the end not before the start',
  });
export type StrategyValidity = z.infer<typeof StrategyValidity>;

/**
 * Strategy: a REK / RWEK / IREK / LES with its versions, Leitbild (vision), goals, fields of
 * action and cross-cutting themes. Parsing checks the references inside the strategy: unique ids
 * and codes, fields of action that name existing goals, versions in date order.
 */
export const Strategy = z
  .object({
    id: StrategyId,
    regionId: RegionId,
    kind: StrategyKind,
    title: Line,
    /** Versions in order, the first edition first. */
    versions: z.array(StrategyVersion).min(1, { error: 'expected at least one version' }),
    /** Leitbild. */
    vision: Text.optional(),
    goals: z.array(Goal).default([]),
    fieldsOfAction: z.array(FieldOfAction).default([]),
    crossCuttingThemes: z.array(CrossCuttingTheme).default([]),
    validity: StrategyValidity.optional(),
    url: WebUrl.optional(),
    note: z.string().optional(),
  })
  .superRefine((strategy, ctx) => {
    const goalIds = new Set<string>();
    strategy.goals.forEach((goal, i) => {
      if (goalIds.has(goal.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', i, 'id'],
          message: `expected a unique goal id, got "${goal.id}" twice`,
        });
      }
      goalIds.add(goal.id);
    });
    const fieldIds = new Set<string>();
    const codes = new Set<string>();
    strategy.fieldsOfAction.forEach((field, i) => {
      if (fieldIds.has(field.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fieldsOfAction', i, 'id'],
          message: `expected a unique field of action id, got "${field.id}" twice`,
        });
      }
      fieldIds.add(field.id);
      if (field.code !== undefined) {
        if (codes.has(field.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fieldsOfAction', i, 'code'],
            message: `expected a unique code, got "${field.code}" twice`,
          });
        }
        codes.add(field.code);
      }
      field.goalIds.forEach((goalId, j) => {
        if (!goalIds.has(goalId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fieldsOfAction', i, 'goalIds', j],
            message: `expected the id of a goal of this strategy, got "${goalId}"`,
          });
        }
      });
    });
    strategy.versions.forEach((version, i) => {
      const previous = strategy.versions[i - 1];
      if (previous === undefined) return;
      const a = previous.date ?? String(previous.year);
      const b = version.date ?? String(version.year);
      if (b.slice(0, a.length) < a.slice(0, b.length)) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i],
          message: `expected versions in date order, got "${version.label}" before "${previous.label}"`,
        });
      }
    });
  });
export type Strategy = z.infer<typeof Strategy>;

/** The latest version of a strategy (the last one listed); `undefined` only for unparsed input without versions. */
export function findCurrentVersion(strategy: Pick<Strategy, 'versions'>): StrategyVersion | undefined {
  return strategy.versions.at(-1);
}

/** Whether a strategy applies on a day; open ends apply forever in that direction. */
export function isStrategyValidOn(strategy: Pick<Strategy, 'validity'>, date: string): boolean {
  const { from, to } = strategy.validity ?? {};
  return (from === undefined || from <= date) && (to === undefined || date <= to);
}

/**
 * The label of a field of action as people read it: `B – Arbeitsmarkt & Bildung`, or the title
 * alone when it has no code.
 */
export function formatFieldOfActionLabel(field: Pick<FieldOfAction, 'code' | 'title'>): string {
  return field.code === undefined ? field.title : `${field.code} – ${field.title}`;
}
