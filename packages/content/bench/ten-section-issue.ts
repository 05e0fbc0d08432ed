import type { NewsletterIssue, NewsletterItem } from '@regiokit/core';

const ITEMS: readonly NewsletterItem[] = [
  {
    kind: 'article',
    title: 'Regionalkonferenz: Zwischen Northvolt und Fehmarnbelt',
    text: 'Rund 300 Teilnehmende diskutierten in Workshops über Fachkräfte, Mobilität und die Zusammenarbeit im Ostseeraum.\n\nDie Ergebnisse fließen in die Fortschreibung des Entwicklungskonzepts ein.',
    url: 'https://www.example.org/regionalkonferenz',
    image: {
      src: 'https://www.example.org/bilder/konferenz.jpg',
      alt: 'Gäste im Plenum der Regionalkonferenz',
      credit: 'Bild: Beispiel | © Beispiel',
      width: 1200,
      height: 675,
    },
  },
  {
    kind: 'project-update',
    title: 'Azubi-Speed-Dating geht in die nächste Runde',
    text: 'Schülerinnen und Schüler treffen Ausbildungsbetriebe der Region in kurzen Gesprächen.',
    fieldOfAction: 'B – Arbeitsmarkt & Bildung',
    status: 'running',
    url: 'https://www.example.org/azubi-speed-dating',
  },
  {
    kind: 'event',
    title: 'Workshop Wasserstoff',
    startsAt: '2026-12-03T09:00:00+01:00',
    endsAt: '2026-12-03T12:30:00+01:00',
    place: 'Wissenschaftspark, Kiel',
    text: 'Ergebnisse der Machbarkeitsstudie und nächste Schritte.',
    registrationUrl: 'https://www.example.org/anmeldung',
  },
  {
    kind: 'funding-call',
    title: 'Regionalbudget 2027: Aufruf für Kleinprojekte',
    text: 'Gefördert werden Kleinprojekte mit regionaler Wirkung, etwa Treffpunkte, Wegweiser oder digitale Angebote.',
    deadline: '2027-01-31',
    maxGrant: { cents: 2_000_000, currency: 'EUR' },
    url: 'https://www.example.org/regionalbudget',
  },
];

/** A newsletter issue with ten sections of three items each, built on `base`. */
export function buildTenSectionIssue(base: NewsletterIssue): NewsletterIssue {
  return {
    ...base,
    subject: '{{firstName}}, Ihr Newsletter: zehn Themen aus der Region',
    editorial: {
      heading: 'Liebe Leserinnen und Leser,',
      text: 'in dieser Ausgabe finden Sie zehn Themen aus der Region.\n\nViel Freude beim Lesen!',
      author: 'Die Geschäftsführung',
    },
    sections: Array.from({ length: 10 }, (_, i) => ({
      heading: `Thema ${i + 1}`,
      intro: 'Neuigkeiten aus der Umsetzung der regionalen Strategie.',
      items: [0, 1, 2].map((j) => ITEMS[(i + j) % ITEMS.length]!),
    })),
  };
}
