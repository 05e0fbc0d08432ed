import type { RegionBundle } from '../region-bundle';
import { defineRegionBundle } from './define-region-bundle';
import {
  EDITORIAL,
  EXAMPLE_PERSON,
  EXAMPLE_PERSON_2,
  EXAMPLE_PHONE,
  exampleAddress,
  exampleImage,
  ILLUSTRATIVE,
  ILLUSTRATIVE_DATE,
  POPULATION_SOURCE,
} from './illustrative';

const DOMAIN = 'region-landshut.example.org';
const regionId = 'region-landshut';
const allMembers = ['09261', '09274'];

/**
 * Region Landshut (Bayern): Stadt Landshut and Landkreis Landshut, served by a unit of the
 * Landratsamt, funded by Bavaria's FöRReg and FöRLa programmes. Facts from the reference data
 * (sources S24, S24b, S25, S26); imprint, sender, contacts, times and the newsletter are
 * illustrative.
 */
export const REGION_LANDSHUT: RegionBundle = defineRegionBundle({
  region: {
    id: regionId,
    name: 'Regionalmanagement Stadt und Landkreis Landshut',
    brand: 'Region Landshut',
    bundesland: 'Bayern',
    members: [
      {
        officialName: 'Landshut',
        displayName: 'Stadt Landshut',
        kind: 'kreisfreie-stadt',
        officialKey: '09261',
        population: { count: 72404, asOf: '2018-12-31', source: POPULATION_SOURCE },
        note: 'Stadtregister: 75.590 am 31.07.2024; Zensus 2022 deutlich niedriger (etwa 6.611 weniger, strittig) (S24b).',
      },
      {
        officialName: 'Landshut',
        displayName: 'Landkreis Landshut',
        kind: 'landkreis',
        officialKey: '09274',
        population: { count: 158698, asOf: '2018-12-31', source: POPULATION_SOURCE },
        note: 'Bevölkerung 2023 laut Referenzdaten: 165.608. Sitz ab Mai 2025 in Essenbach.',
      },
    ],
    carrier: {
      name: 'Landratsamt Landshut, Sachgebiet 18 (Regionalmanagement)',
      legalForm: 'landratsamt',
      note: 'Seit August 2014; für Stadt und Landkreis Landshut.',
    },
    imprint: {
      publisher: 'Regionalmanagement Stadt und Landkreis Landshut',
      address: exampleAddress('84028', 'Landshut'),
      representative: `${EXAMPLE_PERSON} (Beispiel)`,
      email: `info@${DOMAIN}`,
      phone: EXAMPLE_PHONE,
      responsibleForContent: `${EXAMPLE_PERSON_2} (Beispiel)`,
      privacyUrl: `https://${DOMAIN}/datenschutz`,
    },
    sender: { name: 'Regionalmanagement Region Landshut', email: `newsletter@${DOMAIN}` },
  },
  bodies: [
    {
      id: 'lenkungskreis',
      regionId,
      role: 'decides',
      localName: 'Lenkungskreis',
      description: 'Lenkungskreis (auch Lenkungsgremium) aus Landrat, Oberbürgermeister und Verwaltung.',
      members: [
        { name: 'Landrat des Landkreises Landshut', sector: 'politik', memberOfficialKey: '09274' },
        { name: 'Oberbürgermeister der Stadt Landshut', sector: 'politik', memberOfficialKey: '09261' },
        { name: 'Verwaltung von Stadt und Landkreis', sector: 'verwaltung' },
        { name: 'Regierung von Niederbayern', sector: 'verwaltung' },
      ],
    },
    { id: 'arbeitskreise', regionId, role: 'works', localName: 'Arbeitskreise' },
  ],
  decisions: [],
  strategies: [
    {
      id: 'leitlinien',
      regionId,
      kind: 'other',
      title: 'Leitlinien des Regionalmanagements Stadt und Landkreis Landshut',
      versions: [
        {
          label: 'Leitlinien',
          year: 2014,
          note: 'Jahr nicht in den Referenzdaten; Beginn des Regionalmanagements 08/2014.',
        },
      ],
      goals: [
        { id: 'zuzugsregion', title: 'Attraktive Zuzugsregion mit ausgeglichener Entwicklung' },
        { id: 'wissensstandort', title: 'Wissens- und Technologiestandort' },
        { id: 'metropolregionen', title: 'Ausrichtung auf die Metropolregion München und Regensburg' },
        { id: 'fachkraefte-soziales', title: 'Fachkräftebedarf und soziale Strukturen sichern' },
      ],
      crossCuttingThemes: [
        { title: 'Vernetzung' },
        { title: 'Innovation' },
        { title: 'Stadt-Umland-Kooperation' },
      ],
      note: 'Leitlinien und Querschnittsthemen laut S24; Handlungsfelder stehen nicht in den Referenzdaten.',
    },
  ],
  projects: [
    {
      id: 'bildungsregion',
      regionId,
      title: 'Bildungsregion Landshut',
      kind: 'lead-project',
      status: 'completed',
      statusHistory: [
        { status: 'running', since: '2014-09-23', note: 'Absichtserklärung vom 23.09.2014.' },
        { status: 'completed', since: '2015-10-29', note: 'Qualitätssiegel verliehen am 29.10.2015.' },
      ],
      strategyId: 'leitlinien',
      goalIds: ['fachkraefte-soziales'],
      description:
        'Gemeinsame Bewerbung um das bayerische Qualitätssiegel „Bildungsregion“ mit 5 Arbeitskreisen und rund 150 Akteuren.',
      areaCovered: allMembers,
      milestones: [
        { title: 'Absichtserklärung', reachedOn: '2014-09-23' },
        { title: 'Qualitätssiegel verliehen', reachedOn: '2015-10-29' },
      ],
      topics: ['bildung'],
      note: `Quelle S24. Projektart und Ziel: ${EDITORIAL}`,
    },
    {
      id: 'mobilitaet',
      regionId,
      title: 'Mobilität in der Region Landshut',
      kind: 'lead-project',
      status: 'completed',
      statusHistory: [
        { status: 'running', since: '2017-01-01', note: ILLUSTRATIVE_DATE },
        { status: 'completed', since: '2018-12-31', note: 'Hauptprojekt 2017–2018; Tag illustrativ.' },
      ],
      strategyId: 'leitlinien',
      goalIds: ['zuzugsregion'],
      description:
        'Hauptprojekt 2017–2018; danach Radverkehrskonzept, Konzept für Verkehr auf Abruf und ein gemeinsamer Nahverkehrsplan.',
      areaCovered: allMembers,
      topics: ['mobilitaet'],
      note: `Quelle S24: Phasen abgeschlossen. Projektart und Ziel: ${EDITORIAL}`,
    },
    {
      id: 'klimazeit',
      regionId,
      title: 'KlimaZeit',
      kind: 'project-pool',
      status: 'completed',
      statusHistory: [
        { status: 'running', since: '2019-01-01', note: ILLUSTRATIVE_DATE },
        { status: 'completed', since: '2022-12-31', note: '2019–2022; Tag illustrativ.' },
      ],
      strategyId: 'leitlinien',
      goalIds: ['zuzugsregion'],
      description: 'Veranstaltungsreihe zum Klimawandel.',
      areaCovered: allMembers,
      topics: ['klima'],
      note: `Quelle S24. Projektart und Ziel: ${EDITORIAL}`,
    },
    {
      id: 'zukunftsstrategie',
      regionId,
      title: 'Zukunftsstrategie für die Region',
      kind: 'lead-project',
      status: 'completed',
      statusHistory: [
        { status: 'running', since: '2020-06-01', note: 'Juni 2020; Tag illustrativ.' },
        { status: 'completed', since: '2022-05-31', note: 'Mai 2022; Tag illustrativ.' },
      ],
      strategyId: 'leitlinien',
      goalIds: ['wissensstandort', 'metropolregionen'],
      description: 'Modellprojekt für eine Zukunftsstrategie von Stadt und Landkreis.',
      areaCovered: allMembers,
      period: { start: '2020-06-01', end: '2022-05-31' },
      topics: ['bildung'],
      note: `Quelle S24. Projektart und Ziele: ${EDITORIAL}`,
    },
    {
      id: 'berufsorientierung-digital',
      regionId,
      title: 'Matching-App Berufsorientierung, Unternehmer-Nächte und digitales Angebot',
      kind: 'lead-project',
      status: 'approved',
      statusHistory: [
        { status: 'approved', since: '2025-09-15', note: 'FöRLa-Bescheid vom 15.09.2025 (S25).' },
      ],
      strategyId: 'leitlinien',
      goalIds: ['fachkraefte-soziales'],
      description: 'Schwerpunkte der FöRLa-Förderperiode ab 2025.',
      targetGroups: ['Schülerinnen und Schüler', 'Unternehmen'],
      areaCovered: allMembers,
      measures: [
        {
          title: 'Matching-App Berufsorientierung',
          description: 'Eine App bringt Jugendliche und Ausbildungsbetriebe der Region zusammen.',
          schedule: { kind: 'asap' },
        },
        {
          title: 'Unternehmer-Nächte',
          description: 'Abendveranstaltungen, bei denen Unternehmen sich vorstellen.',
          schedule: { kind: 'text', text: 'ab 2026' },
        },
      ],
      topics: ['bildung'],
      note: `Quelle S25. Zeitpläne der Maßnahmen: ${ILLUSTRATIVE} Projektart und Ziel: ${EDITORIAL}`,
    },
  ],
  grants: [
    {
      id: 'foerreg-2014-2018',
      regionId,
      title: 'Regionalmanagement FöRReg',
      instrument: 'state-programme',
      programme: 'FöRReg',
      beneficiary: { kind: 'management' },
      period: { from: '2014-08-01', to: '2018-12-31' },
      note: 'FöRReg 2014–2018 (S24); Tage illustrativ, Beträge nicht in den Referenzdaten.',
    },
    {
      id: 'foerla-1',
      regionId,
      title: 'Regionalmanagement FöRLa I',
      instrument: 'state-programme',
      programme: 'FöRLa',
      beneficiary: { kind: 'management' },
      period: { from: '2019-01-01', to: '2022-06-30' },
      note: 'FöRLa I, 01/2019 bis 06/2022 (S24); Beträge nicht in den Referenzdaten.',
    },
    {
      id: 'foerla-2025',
      regionId,
      title: 'Regionalmanagement FöRLa (Bescheid 2025)',
      instrument: 'state-programme',
      programme: 'FöRLa',
      beneficiary: { kind: 'management' },
      approvedOn: '2025-09-15',
      period: { from: '2025-09-15', to: '2028-09-14' },
      calls: [
        {
          title: 'Ideen für Unternehmer-Nächte gesucht (Beispiel)',
          text: 'Unternehmen können sich als Gastgeber melden. Frist illustrativ.',
          deadline: '2025-12-15',
          url: `https://${DOMAIN}/mitmachen`,
        },
      ],
      note: 'Neuer Bescheid vom 15.09.2025 (S25); Laufzeit illustrativ, Beträge nicht in den Referenzdaten.',
    },
  ],
  events: [
    {
      id: 'unternehmer-nacht-2026',
      regionId,
      title: 'Unternehmer-Nacht (Beispieltermin)',
      startsAt: '2026-03-12T18:00:00+01:00',
      endsAt: '2026-03-12T22:00:00+01:00',
      place: 'Landshut (Beispielort)',
      description: 'Unternehmen der Region stellen sich Schülerinnen und Schülern vor.',
      projectId: 'berufsorientierung-digital',
      topics: ['bildung'],
      image: exampleImage(DOMAIN, 'unternehmer-nacht.jpg', 'Gespräche an Stehtischen in einer Werkhalle'),
      note: ILLUSTRATIVE,
    },
    {
      id: 'arbeitskreis-mobilitaet-2025',
      regionId,
      title: 'Arbeitskreis Mobilität (Beispieltermin)',
      startsAt: '2025-11-20T15:00:00+01:00',
      place: 'Landratsamt Landshut (Beispielort)',
      topics: ['mobilitaet'],
      note: ILLUSTRATIVE,
    },
  ],
  articles: [
    {
      id: 'foerla-bescheid-2025',
      regionId,
      title: 'Neuer FöRLa-Bescheid für das Regionalmanagement',
      publishedOn: '2025-09-22',
      teaser:
        'Seit dem 15. September 2025 liegt der neue Bescheid vor. Schwerpunkte: eine Matching-App zur Berufsorientierung, Unternehmer-Nächte und ein digitales Angebot.',
      image: exampleImage(DOMAIN, 'bescheid.jpg', 'Übergabe eines Förderbescheids'),
      projectIds: ['berufsorientierung-digital'],
      topics: ['bildung'],
      note: `Inhalt laut S25. ${ILLUSTRATIVE_DATE}`,
    },
    {
      id: 'bildungsregion-rueckblick',
      regionId,
      title: 'Rückblick: Bildungsregion Landshut',
      publishedOn: '2025-10-29',
      teaser:
        'Vor zehn Jahren, am 29. Oktober 2015, erhielt die Region das Qualitätssiegel „Bildungsregion“.',
      projectIds: ['bildungsregion'],
      topics: ['bildung'],
      note: `Datum des Siegels laut S24; Veröffentlichungsdatum: ${ILLUSTRATIVE}`,
    },
  ],
  topics: [
    { id: 'bildung', regionId, name: 'Bildung und Fachkräfte', nameEn: 'Education and skilled workers' },
    { id: 'mobilitaet', regionId, name: 'Mobilität', nameEn: 'Mobility' },
    { id: 'klima', regionId, name: 'Klima', nameEn: 'Climate' },
  ],
  lists: [
    {
      id: 'newsletter',
      regionId,
      kind: 'newsletter',
      name: 'Newsletter Region Landshut',
      topics: ['bildung', 'mobilitaet', 'klima'],
    },
    {
      id: 'presse',
      regionId,
      kind: 'press',
      name: 'Presseverteiler Regionalmanagement Landshut',
      topics: ['bildung', 'mobilitaet', 'klima'],
    },
  ],
  newsletterIssues: [
    {
      id: 'newsletter-2025-11',
      regionId,
      label: 'Beispielausgabe November 2025',
      date: '2025-11-04',
      subject: 'Region Landshut: neue Förderperiode, Unternehmer-Nächte und Termine',
      preheader: 'Was der neue FöRLa-Bescheid für die Berufsorientierung bedeutet',
      heroImage: exampleImage(DOMAIN, 'landshut.jpg', 'Altstadt von Landshut mit der Martinskirche'),
      editorial: {
        heading: 'Liebe Leserinnen und Leser,',
        text: 'dies ist eine Beispielausgabe: Projektangaben stammen aus öffentlichen Quellen, Fristen, Termine und Namen sind illustrativ.',
        author: EXAMPLE_PERSON,
        authorRole: 'Regionalmanagement (Beispiel)',
      },
      sections: [
        {
          heading: 'Aus der Region',
          items: [
            {
              kind: 'article',
              title: 'Neuer FöRLa-Bescheid',
              text: 'Seit dem 15. September 2025 liegt der neue Bescheid für das Regionalmanagement vor.',
              image: exampleImage(DOMAIN, 'bescheid.jpg', 'Übergabe eines Förderbescheids'),
              articleId: 'foerla-bescheid-2025',
            },
          ],
        },
        {
          heading: 'Aus den Projekten',
          items: [
            {
              kind: 'project-update',
              title: 'Berufsorientierung digital: bewilligt',
              text: 'Matching-App, Unternehmer-Nächte und ein digitales Angebot bilden die Schwerpunkte der neuen Förderperiode.',
              projectId: 'berufsorientierung-digital',
              status: 'approved',
              image: exampleImage(DOMAIN, 'matching-app.jpg', 'Smartphone mit einer Berufsorientierungs-App'),
            },
          ],
        },
        {
          heading: 'Mitmachen',
          items: [
            {
              kind: 'funding-call',
              title: 'Ideen für Unternehmer-Nächte gesucht (Beispiel)',
              text: 'Unternehmen können sich als Gastgeber melden. Frist illustrativ.',
              deadline: '2025-12-15',
              url: `https://${DOMAIN}/mitmachen`,
              grantId: 'foerla-2025',
              image: exampleImage(DOMAIN, 'werkhalle.jpg', 'Leere Werkhalle mit Stehtischen'),
            },
          ],
        },
        {
          heading: 'Termine',
          items: [
            {
              kind: 'event',
              title: 'Arbeitskreis Mobilität (Beispieltermin)',
              startsAt: '2025-11-20T15:00:00+01:00',
              place: 'Landratsamt Landshut (Beispielort)',
              eventId: 'arbeitskreis-mobilitaet-2025',
              image: exampleImage(DOMAIN, 'arbeitskreis.jpg', 'Menschen an einem Besprechungstisch'),
            },
          ],
        },
      ],
      topics: ['bildung', 'mobilitaet'],
    },
  ],
  pressReleases: [
    {
      id: 'pm-2025-foerla',
      regionId,
      number: { seq: 12, year: 2025 },
      dateline: { place: 'Landshut', date: '2025-09-22' },
      headline: 'Regionalmanagement Landshut startet neue Förderperiode',
      subline: 'Matching-App zur Berufsorientierung, Unternehmer-Nächte und ein digitales Angebot',
      lead: 'Mit dem FöRLa-Bescheid vom 15. September 2025 beginnt für das Regionalmanagement von Stadt und Landkreis Landshut eine neue Förderperiode.',
      body: 'Im Mittelpunkt stehen eine Matching-App zur Berufsorientierung, Unternehmer-Nächte und ein digitales Angebot.\n\nDas Regionalmanagement arbeitet seit 2014 für Stadt und Landkreis Landshut.',
      quotes: [
        {
          text: 'Die neue Förderperiode hilft uns, junge Menschen und Betriebe der Region zusammenzubringen.',
          person: EXAMPLE_PERSON,
          role: 'Regionalmanagement (Beispielzitat)',
        },
      ],
      fundingNote: 'Gefördert durch den Freistaat Bayern (FöRLa).',
      boilerplate: {
        title: 'Über das Regionalmanagement Stadt und Landkreis Landshut',
        text: 'Das Regionalmanagement ist seit August 2014 im Landratsamt Landshut angesiedelt und arbeitet für Stadt und Landkreis.\nSeine Leitlinien: attraktive Zuzugsregion, Wissens- und Technologiestandort, Ausrichtung auf die Metropolregionen München und Regensburg, Fachkräftebedarf und soziale Strukturen sichern.\nQuerschnittsthemen sind Vernetzung, Innovation und Stadt-Umland-Kooperation.',
      },
      contact: {
        name: EXAMPLE_PERSON_2,
        role: 'Pressekontakt (Beispiel)',
        organisation: 'Landratsamt Landshut',
        phone: EXAMPLE_PHONE,
        email: `presse@${DOMAIN}`,
      },
      images: [
        {
          ...exampleImage(DOMAIN, 'foerla-bescheid.jpg', 'Übergabe des Förderbescheids'),
          caption: 'Übergabe des Förderbescheids (Beispielbild).',
          credit: `Bild: Landratsamt Landshut | © ${EXAMPLE_PERSON_2}`,
        },
      ],
      topics: ['bildung'],
      note: `Fakten laut S24, S25; Nummer, Datum, Zitat und Kontakt: ${ILLUSTRATIVE}`,
    },
  ],
  workshops: [],
});
