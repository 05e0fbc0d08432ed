import { z } from 'zod';
import { addMonthsToIsoDate, countDaysBetween } from './calendar';
import { IsoDate, Line, Text, WebUrl } from './common';
import { DomainError } from './errors';
import { type FieldOfActionId, GrantId, ProjectId, RegionId } from './ids';
import { allocateCents, applyRate, cents, Money } from './money';
import type { Project } from './project';
import { OfficialKey, type Region } from './region';
import type { Strategy } from './strategy';

/**
 * Förderinstrument. `grw` is the Gemeinschaftsaufgabe (e.g. GRW Regionalmanagement);
 * `regionalbudget-grw` and `regionalbudget-leader` are two different instruments that share a name
 * in Thüringen and are kept apart; `state-programme` and `federal-programme` need the programme's
 * name (e.g. FöRLa); `own-funds` are the members' own money.
 */
export const FundingInstrument = z.enum([
  'grw',
  'regionalbudget-grw',
  'regionalbudget-leader',
  'leader',
  'interreg',
  'efre',
  'esf-plus',
  'state-programme',
  'federal-programme',
  'own-funds',
]);
export type FundingInstrument = z.infer<typeof FundingInstrument>;

/** Who receives a grant: a project, or the regional management itself. */
export const GrantBeneficiary = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), projectId: ProjectId }),
  z.object({ kind: z.literal('management') }),
]);
export type GrantBeneficiary = z.infer<typeof GrantBeneficiary>;

/** Förderperiode / Bewilligungszeitraum: first and last day, inclusive. */
export const GrantPeriod = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.to >= p.from, { path: ['to'], error: 'expected the end not before the start' });
export type GrantPeriod = z.infer<typeof GrantPeriod>;

/**
 * How the own share is split among the region's members: equally, by population, or by explicit
 * weights (e.g. the shareholders' percentages).
 */
export const CostSharingKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equal') }),
  z.object({ kind: z.literal('population') }),
  z.object({
    kind: z.literal('weights'),
    weights: z
      .array(z.object({ officialKey: OfficialKey, weight: z.number().positive() }))
      .min(1, { error: 'expected at least one weight' }),
  }),
]);
export type CostSharingKey = z.infer<typeof CostSharingKey>;

/** Förderaufruf: a call for applications (e.g. for Regionalbudget projects) with its deadline. */
export const FundingCall = z
  .object({
    title: Line,
    text: Text.optional(),
    opensOn: IsoDate.optional(),
    /** Last day to apply. */
    deadline: IsoDate,
    maxGrantPerProject: Money.optional(),
    url: WebUrl.optional(),
  })
  .refine((c) => c.opensOn === undefined || c.deadline >= c.opensOn, {
    path: ['deadline'],
    error: 'expected the deadline not before the opening day',
  });
export type FundingCall = z.infer<typeof FundingCall>;

/** Months after the end of the period within which the Verwendungsnachweis is usually due. */
export const DEFAULT_FINAL_REPORT_MONTHS = 6;

/**
 * Förderung / Zuwendung: a grant for a project or for the management, with its instrument,
 * period, eligible costs, rate, grant and own share (all money in integer cents).
 *
 * Parsing checks that a state or federal programme is named, that grant = eligible costs × rate
 * (to the cent, rounded half up) and that grant + own share = eligible costs, where those are given.
 */
export const Grant = z
  .object({
    id: GrantId,
    regionId: RegionId,
    title: Line,
    instrument: FundingInstrument,
    /** Name of the programme, required for state and federal programmes, e.g. `FöRLa`. */
    programme: Line.optional(),
    /** Fördermittelgeber / Bewilligungsbehörde, e.g. `Landesverwaltungsamt`. */
    fundingBody: Line.optional(),
    beneficiary: GrantBeneficiary,
    period: GrantPeriod,
    /** Day of the Zuwendungsbescheid. */
    approvedOn: IsoDate.optional(),
    /** Förderfähige Kosten. */
    eligibleCosts: Money.optional(),
    /** Förderquote in percent, e.g. `55`. */
    ratePercent: z.number().min(0).max(100).optional(),
    /** Zuwendung. */
    grant: Money.optional(),
    /** Eigenanteil. */
    ownShare: Money.optional(),
    /** How the own share is split among the members. */
    ownShareKey: CostSharingKey.optional(),
    /** Months after the period end the Verwendungsnachweis is due; {@link DEFAULT_FINAL_REPORT_MONTHS} if absent. */
    finalReportMonths: z.int().positive().max(60).optional(),
    /** Calls for applications under this grant (Regionalbudget). */
    calls: z.array(FundingCall).default([]),
    note: z.string().optional(),
  })
  .superRefine((grant, ctx) => {
    if (
      (grant.instrument === 'state-programme' || grant.instrument === 'federal-programme') &&
      grant.programme === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['programme'],
        message: `expected the name of the programme for instrument "${grant.instrument}"`,
      });
    }
    const { eligibleCosts, ratePercent, grant: amount, ownShare } = grant;
    if (eligibleCosts !== undefined && ratePercent !== undefined && amount !== undefined) {
      const expected = applyRate(eligibleCosts, ratePercent).cents;
      if (expected !== amount.cents) {
        ctx.addIssue({
          code: 'custom',
          path: ['grant'],
          message: `expected ${ratePercent} % of ${eligibleCosts.cents} cents = ${expected} cents, got ${amount.cents} cents`,
        });
      }
    }
    if (eligibleCosts !== undefined && amount !== undefined && ownShare !== undefined) {
      if (amount.cents + ownShare.cents !== eligibleCosts.cents) {
        ctx.addIssue({
          code: 'custom',
          path: ['ownShare'],
          message: `expected grant + own share = eligible costs (${eligibleCosts.cents} cents), got ${amount.cents + ownShare.cents} cents`,
        });
      }
    }
  });
export type Grant = z.infer<typeof Grant>;

/**
 * The grant amount: as stated, or eligible costs × rate when only those are given.
 *
 * @example computeGrantAmount({ eligibleCosts: euros(800000), ratePercent: 75 }) // 600.000,00 €
 */
export function computeGrantAmount(
  grant: Pick<Grant, 'grant' | 'eligibleCosts' | 'ratePercent'>,
): Money | undefined {
  if (grant.grant !== undefined) return grant.grant;
  if (grant.eligibleCosts !== undefined && grant.ratePercent !== undefined) {
    return applyRate(grant.eligibleCosts, grant.ratePercent);
  }
  return undefined;
}

/** The own share: as stated, or eligible costs minus the grant amount. */
export function computeOwnShare(
  grant: Pick<Grant, 'grant' | 'eligibleCosts' | 'ratePercent' | 'ownShare'>,
): Money | undefined {
  if (grant.ownShare !== undefined) return grant.ownShare;
  const amount = computeGrantAmount(grant);
  if (grant.eligibleCosts === undefined || amount === undefined) return undefined;
  return cents(grant.eligibleCosts.cents - amount.cents);
}

/**
 * Whether the grant's period includes `date` (first and last day included).
 *
 * @example isGrantActive(grant, '2027-07-31') // true for a period ending 31.07.2027
 */
export function isGrantActive(grant: Pick<Grant, 'period'>, date: string): boolean {
  return grant.period.from <= date && date <= grant.period.to;
}

/**
 * Calendar days from `date` to the last day of the period: 0 on the last day, negative after it.
 *
 * @example countDaysUntilPeriodEnd(grant, '2027-07-01') // 30 for a period ending 31.07.2027
 */
export function countDaysUntilPeriodEnd(grant: Pick<Grant, 'period'>, date: string): number {
  return countDaysBetween(date, grant.period.to);
}

/** Options of {@link computeFinalReportDue}. */
export interface FinalReportOptions {
  /** Months after the end of the period; overrides the grant's own `finalReportMonths`. */
  readonly months?: number;
}

/**
 * The day the Verwendungsnachweis (final report) is due: the end of the period plus
 * `options.months`, else the grant's `finalReportMonths`, else {@link DEFAULT_FINAL_REPORT_MONTHS}.
 * A day that does not exist in the target month becomes that month's last day.
 *
 * @example computeFinalReportDue(grant) // '2028-01-31' for a period ending 31.07.2027
 */
export function computeFinalReportDue(
  grant: Pick<Grant, 'period' | 'finalReportMonths'>,
  options: FinalReportOptions = {},
): IsoDate {
  const months = options.months ?? grant.finalReportMonths ?? DEFAULT_FINAL_REPORT_MONTHS;
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`expected a whole number of months ≥ 0, got ${months}`);
  }
  return addMonthsToIsoDate(grant.period.to, months);
}

/** One member's part of an own share. */
export interface MemberShare {
  readonly officialKey: string;
  readonly displayName: string;
  readonly amount: Money;
}

/**
 * Splits the own share of a grant among the region's members by the grant's key (equal parts when
 * it has none), with largest-remainder rounding: the parts add up to exactly the own share.
 *
 * @throws {DomainError} `INVALID_ALLOCATION` when the grant has no own share or a population is
 * missing for a population key; `INVALID_REFERENCE` when a weight names no member of the region.
 * @example splitOwnShare(grant, region) // [{ officialKey: '16067', displayName: 'Landkreis Gotha', amount }, …]
 */
export function splitOwnShare(
  grant: Pick<Grant, 'id' | 'grant' | 'eligibleCosts' | 'ratePercent' | 'ownShare' | 'ownShareKey'>,
  region: Pick<Region, 'members'>,
): MemberShare[] {
  const total = computeOwnShare(grant);
  if (total === undefined) {
    throw new DomainError('INVALID_ALLOCATION', `grant "${grant.id}" has no own share to split`, {
      details: { grantId: grant.id },
    });
  }
  const key = grant.ownShareKey ?? { kind: 'equal' };
  let members: { officialKey: string; displayName: string; weight: number }[];
  if (key.kind === 'weights') {
    members = key.weights.map((w, i) => {
      const member = region.members.find((m) => m.officialKey === w.officialKey);
      if (member === undefined) {
        throw new DomainError(
          'INVALID_REFERENCE',
          `grant "${grant.id}": ownShareKey.weights[${i}].officialKey: expected a member of the region, got "${w.officialKey}"`,
          { details: { grantId: grant.id, officialKey: w.officialKey } },
        );
      }
      return { officialKey: member.officialKey, displayName: member.displayName, weight: w.weight };
    });
  } else {
    members = region.members.map((m) => {
      if (key.kind === 'population' && m.population === undefined) {
        throw new DomainError(
          'INVALID_ALLOCATION',
          `grant "${grant.id}": expected a population for ${m.displayName} to split by population`,
          { details: { grantId: grant.id, officialKey: m.officialKey } },
        );
      }
      return {
        officialKey: m.officialKey,
        displayName: m.displayName,
        weight: key.kind === 'population' ? (m.population?.count ?? 0) : 1,
      };
    });
  }
  const parts = allocateCents(
    total.cents,
    members.map((m) => m.weight),
  );
  return members.map((m, i) => ({
    officialKey: m.officialKey,
    displayName: m.displayName,
    amount: cents(parts[i] ?? 0, total.currency),
  }));
}

/** Sums of the grants of one instrument. */
export interface InstrumentTotal {
  readonly instrument: FundingInstrument;
  readonly count: number;
  /** Sum of the grant amounts (see {@link computeGrantAmount}). */
  readonly grant: Money;
  /** Sum of the eligible costs that are known. */
  readonly eligibleCosts: Money;
  /** Sum of the own shares that are known (see {@link computeOwnShare}). */
  readonly ownShare: Money;
}

/**
 * Totals per instrument, in the order of {@link FundingInstrument}; instruments without grants
 * are left out.
 */
export function sumGrantsByInstrument(grants: readonly Grant[]): InstrumentTotal[] {
  return FundingInstrument.options.flatMap((instrument) => {
    const mine = grants.filter((g) => g.instrument === instrument);
    if (mine.length === 0) return [];
    const sum = (pick: (g: Grant) => Money | undefined) =>
      cents(mine.reduce((a, g) => a + (pick(g)?.cents ?? 0), 0));
    return [
      {
        instrument,
        count: mine.length,
        grant: sum(computeGrantAmount),
        eligibleCosts: sum((g) => g.eligibleCosts),
        ownShare: sum(computeOwnShare),
      },
    ];
  });
}

/** Funding of one field of action, from {@link sumGrantsByFieldOfAction}. */
export interface FieldOfActionFunding {
  readonly fieldOfActionId: FieldOfActionId;
  /** Grants of the projects of this field; a project in several fields shares its grant equally. */
  readonly grant: Money;
  /** The grants that contributed. */
  readonly grantIds: readonly GrantId[];
}

/** Result of {@link sumGrantsByFieldOfAction}. */
export interface FundingByFieldOfAction {
  /** One entry per field of action of the strategy, in the strategy's order. */
  readonly fields: readonly FieldOfActionFunding[];
  /** Grants of the strategy's projects that name no field of action. */
  readonly unassigned: Money;
  /** Grants for the management itself (not tied to a project). */
  readonly management: Money;
}

/**
 * Totals of grant amounts per field of action of a strategy. A grant for a project of the
 * strategy counts for the project's fields; a project in several fields splits its grant equally
 * among them (largest remainder), so the fields add up exactly to the grants.
 */
export function sumGrantsByFieldOfAction(
  grants: readonly Grant[],
  projects: readonly Pick<Project, 'id' | 'strategyId' | 'fieldOfActionIds'>[],
  strategy: Pick<Strategy, 'id' | 'fieldsOfAction'>,
): FundingByFieldOfAction {
  const totals = new Map<string, { cents: number; grantIds: GrantId[] }>(
    strategy.fieldsOfAction.map((f) => [f.id, { cents: 0, grantIds: [] }]),
  );
  const projectsById = new Map(projects.map((p) => [p.id as string, p]));
  let unassigned = 0;
  let management = 0;
  for (const grant of grants) {
    const amount = computeGrantAmount(grant)?.cents ?? 0;
    if (grant.beneficiary.kind === 'management') {
      management += amount;
      continue;
    }
    const project = projectsById.get(grant.beneficiary.projectId);
    if (project === undefined || project.strategyId !== strategy.id) continue;
    const fields = [...new Set(project.fieldOfActionIds)].filter((id) => totals.has(id));
    if (fields.length === 0) {
      unassigned += amount;
      continue;
    }
    const parts = allocateCents(
      amount,
      fields.map(() => 1),
    );
    fields.forEach((id, i) => {
      const total = totals.get(id);
      if (total === undefined) return;
      total.cents += parts[i] ?? 0;
      total.grantIds.push(grant.id);
    });
  }
  return {
    fields: strategy.fieldsOfAction.map((f) => {
      const total = totals.get(f.id) ?? { cents: 0, grantIds: [] };
      return { fieldOfActionId: f.id, grant: cents(total.cents), grantIds: total.grantIds };
    }),
    unassigned: cents(unassigned),
    management: cents(management),
  };
}
