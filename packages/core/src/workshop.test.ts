import { describe, expect, it } from 'vitest';
import { KOOPERATION_IM_OSTSEERAUM } from './examples/index';
import { Measure, MeasureSchedule } from './measure';
import { formatFieldErrors, validate } from './validation';
import { Workshop } from './workshop';

describe('MeasureSchedule', () => {
  it.each([
    [{ kind: 'asap' }, ''],
    [{ kind: 'period', from: '2025-01-01', to: '2025-12-31' }, ''],
    [{ kind: 'period', to: '2025-12-31' }, ''],
    [{ kind: 'text', text: '2. Halbjahr 2025' }, ''],
    [{ kind: 'period' }, 'from: expected a start (from) or an end (to) of the period'],
    [{ kind: 'period', from: '2025-12-31', to: '2025-01-01' }, 'to: expected the end not before the start'],
    [{ kind: 'soon' }, "kind: Invalid discriminator value. Expected 'asap' | 'period' | 'text'"],
  ])('checks %j', (input, message) => {
    const result = validate(MeasureSchedule, input);
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });
});

describe('Measure', () => {
  it('fills the card with empty lists', () => {
    expect(Measure.parse({ title: 'Kontaktbörse', description: 'Treffen mit Partnern.' })).toEqual({
      title: 'Kontaktbörse',
      description: 'Treffen mit Partnern.',
      whatMustHappen: [],
      whoMustBeInvolved: [],
      resources: [],
      nextSteps: [],
      openQuestions: [],
    });
  });
});

describe('Workshop', () => {
  const input = {
    id: 'ws',
    regionId: 'kielregion',
    title: 'Kooperation',
    date: '2024-09-06',
    guidingQuestion: 'Wie?',
    objective: 'Ansatzpunkte finden.',
    measures: [{ title: 'A', description: 'B' }],
  };

  it.each([
    [{}, ''],
    [{ measures: [] }, 'measures: expected at least one measure'],
    [{ guidingQuestion: '  ' }, 'guidingQuestion: expected a non-empty text'],
    [
      { moderation: [{ name: 'Max Mustermann', email: 'max' }] },
      'moderation[0].email: expected an e-mail address, got "max"',
    ],
  ])('checks %j', (patch, message) => {
    const result = validate(Workshop, { ...input, ...patch });
    expect(result.success ? '' : formatFieldErrors(result.errors)).toBe(message);
  });

  it('has a complete card for every measure of the example', () => {
    for (const measure of KOOPERATION_IM_OSTSEERAUM.measures) {
      expect(measure.whatMustHappen.length).toBeGreaterThan(0);
      expect(measure.whoMustBeInvolved.length).toBeGreaterThan(0);
      expect(measure.resources.length).toBeGreaterThan(0);
      expect(measure.nextSteps.length).toBeGreaterThan(0);
      expect(measure.openQuestions.length).toBeGreaterThan(0);
      expect(measure.schedule).toBeDefined();
    }
  });
});
