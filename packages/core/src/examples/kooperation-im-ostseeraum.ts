import type { z } from 'zod';
import type { Workshop } from '../workshop';
import { EXAMPLE_PERSON, EXAMPLE_PERSON_2 } from './illustrative';

/**
 * The workshop "Kooperation im Ostseeraum" of the KielRegion Regionalkonferenz 2024 (S30), in input
 * form. The conference, its motto and the workshop title are facts; the results were still being
 * evaluated, so question, objective, the four measures and the people are illustrative.
 */
export const KOOPERATION_IM_OSTSEERAUM_INPUT: z.input<typeof Workshop> = {
  id: 'kooperation-im-ostseeraum',
  regionId: 'kielregion',
  title: 'Kooperation im Ostseeraum',
  date: '2024-09-06',
  eventId: 'regionalkonferenz-2024',
  place: 'MFG5-Gelände, Kiel',
  guidingQuestion:
    'Wie kann die KielRegion zwischen Northvolt-Ansiedlung und fester Fehmarnbeltquerung ihre Zusammenarbeit mit Partnern im Ostseeraum so ausbauen, dass Unternehmen, Hochschulen und Kommunen davon profitieren?',
  objective:
    'Konkrete Ansatzpunkte für eine verstetigte Zusammenarbeit mit Partnerregionen im Ostseeraum benennen, mit Verantwortlichen und nächsten Schritten.',
  measures: [
    {
      title: 'Kontaktbörse Ostseeraum',
      description:
        'Eine jährliche Kontaktbörse bringt Unternehmen, Hochschulen und Kommunen der KielRegion mit Partnern aus Dänemark, Schweden und Polen zusammen.',
      whatMustHappen: [
        'Partnerregionen und Ansprechpersonen auswählen',
        'Format und Ort festlegen, abwechselnd in der KielRegion und bei einem Partner',
      ],
      whoMustBeInvolved: ['Kammern', 'Hochschulen der Region', 'Wirtschaftsförderungen der Kreise'],
      resources: ['Personal für Organisation (ca. 0,2 Stellen)', 'Budget für Veranstaltung und Reisen'],
      nextSteps: ['Bestehende Kontakte der Partner sammeln', 'Termin für ein erstes Treffen abstimmen'],
      openQuestions: ['Welche Sprache hat die Veranstaltung?', 'Wer trägt die Kosten der Partner?'],
      schedule: { kind: 'period', from: '2025-01-01', to: '2025-12-31' },
    },
    {
      title: 'Interreg-Lotse für Kommunen und Unternehmen',
      description:
        'Eine feste Anlaufstelle hilft Kommunen und kleinen Unternehmen, Partner und passende Interreg-Programme zu finden und Anträge vorzubereiten.',
      whatMustHappen: [
        'Zuständigkeit in der Geschäftsstelle klären',
        'Übersicht der laufenden Aufrufe pflegen',
      ],
      whoMustBeInvolved: [
        'KielRegion GmbH',
        'Kreise Plön und Rendsburg-Eckernförde',
        'Landeshauptstadt Kiel',
      ],
      resources: ['Beratungszeit', 'Schulung zu Interreg-Programmen'],
      nextSteps: ['Bedarf bei den Kommunen abfragen'],
      openQuestions: ['Kann die Stelle aus Fördermitteln finanziert werden?'],
      schedule: { kind: 'asap' },
    },
    {
      title: 'Fehmarnbelt-Korridor gemeinsam vermarkten',
      description:
        'Die Region stimmt mit Nachbarn entlang der künftigen festen Fehmarnbeltquerung einen gemeinsamen Auftritt für Ansiedlung und Fachkräfte ab.',
      whatMustHappen: ['Gemeinsame Botschaften entwickeln', 'Messen und Veranstaltungen auswählen'],
      whoMustBeInvolved: ['Wirtschaftsförderungen', 'Nachbarregionen entlang der Achse', 'Landesmarketing'],
      resources: ['Marketingbudget', 'Bild- und Textmaterial'],
      nextSteps: ['Auftaktgespräch mit den Nachbarregionen'],
      openQuestions: ['Welche Rolle übernimmt das Land?'],
      schedule: { kind: 'text', text: 'bis zur Eröffnung der festen Fehmarnbeltquerung' },
    },
    {
      title: 'Austausch von Auszubildenden und Studierenden',
      description:
        'Praktika und Projektwochen bei Partnern im Ostseeraum machen die Region für junge Menschen attraktiv und knüpfen Kontakte für später.',
      whatMustHappen: [
        'Partnerbetriebe und -hochschulen gewinnen',
        'Finanzierung über bestehende Austauschprogramme prüfen',
      ],
      whoMustBeInvolved: ['Berufsschulen', 'Hochschulen', 'Ausbildungsbetriebe'],
      resources: ['Koordination', 'Reisekostenzuschüsse'],
      nextSteps: ['Pilot mit einer Berufsschule und einem Partnerbetrieb planen'],
      openQuestions: ['Wie wird die Betreuung vor Ort sichergestellt?'],
      schedule: { kind: 'period', from: '2025-09-01' },
    },
  ],
  expectedResults: [
    'Eine abgestimmte Liste von Ansatzpunkten mit Verantwortlichen',
    'Vorschläge für die Facharbeitsgruppen und den Lenkungsausschuss',
  ],
  inputSpeakers: [{ name: EXAMPLE_PERSON, role: 'Impuls (Beispiel)' }],
  moderation: [{ name: EXAMPLE_PERSON_2, role: 'Moderation (Beispiel)', organisation: 'KielRegion GmbH' }],
  strategyId: 'kielregion-2030',
  fieldOfActionIds: ['wirtschaftsregion'],
  note: 'Workshop der Regionalkonferenz 2024 (S30). Datum, Zielfrage, Ziel, die vier Maßnahmen und die Personen sind illustrativ: die Ergebnisse wurden laut Quelle noch ausgewertet und stehen nicht in den Referenzdaten.',
};
