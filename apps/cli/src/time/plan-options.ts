import { CronExpression, type TimePlan } from '@regiokit/core';
import { createUserError } from '../cli-error';
import type { Format } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { isTimeZone, parseMoment } from './parse-moment';

/** The time-plan options of `campaign schedule`. */
export interface PlanOptions {
  readonly now?: boolean;
  readonly at?: string;
  readonly tz?: string;
  readonly cron?: string;
}

/** The default zone of `--at` and `--cron`. */
export const DEFAULT_PLAN_ZONE = 'Europe/Berlin';

/**
 * Turns `--now | --at <moment> [--tz] | --cron <expression> [--tz]` into core's `TimePlan`; every
 * wrong combination or value is a user error that says what is expected. A moment not after
 * `now` is refused.
 */
export function readTimePlan(options: PlanOptions, now: Date, m: Messages, format: Format): TimePlan {
  const given = [options.now === true, options.at !== undefined, options.cron !== undefined].filter(
    Boolean,
  ).length;
  if (given === 0) throw createUserError('PLAN_MISSING', m.planMissing);
  if (given > 1) throw createUserError('PLAN_AMBIGUOUS', m.planTooMany);
  if (options.now) {
    if (options.tz !== undefined) throw createUserError('PLAN_TZ_UNUSED', m.tzWithoutPlan);
    return { kind: 'now' };
  }
  const timeZone = options.tz ?? DEFAULT_PLAN_ZONE;
  if (!isTimeZone(timeZone)) throw createUserError('UNKNOWN_TIME_ZONE', m.unknownTimeZone(timeZone));
  if (options.cron !== undefined) {
    const cron = CronExpression.safeParse(options.cron);
    if (!cron.success) throw createUserError('INVALID_CRON', m.invalidCron(options.cron));
    return { kind: 'recurring', cron: cron.data, timeZone };
  }
  const at = options.at ?? '';
  const moment = parseMoment(at, timeZone);
  if (!moment.ok) {
    throw createUserError(
      moment.problem === 'not-in-zone' ? 'DATE_NOT_IN_ZONE' : 'DATE_UNPARSEABLE',
      moment.problem === 'not-in-zone' ? m.dateNotInZone(at, timeZone) : m.dateUnparseable(at),
    );
  }
  if (moment.instant.getTime() <= now.getTime()) {
    throw createUserError('DATE_IN_PAST', m.dateInPast(format.dateTime(moment.instant, timeZone)));
  }
  return { kind: 'at', at: moment.instant.toISOString(), timeZone };
}
