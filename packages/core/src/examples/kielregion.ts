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
import { KOOPERATION_IM_OSTSEERAUM_INPUT } from './kooperation-im-ostseeraum';

const DOMAIN = 'kielregion.example.org';
const regionId = 'kielregion';
const allMembers = ['01002', '01057', '01058'];

/**
 * KielRegion (Schleswig-Holstein): Landeshauptstadt Kiel, Kreis Plön and Kreis
 * Rendsburg-Eckernförde, carried by KielRegion GmbH. Facts from the reference data (sources S18,
 * S20–S23, S26, S30, S36); imprint, sender, contacts, quotes, times and the newsletter are
 * illustrative.
 */
export const KIELREGION: RegionBundle = defineRegionBundle({
  region: {
    id: regionId,
    name: 'KielRegion',
    brand: 'KielRegion',
    bundesland: 'Schleswig-Holstein',
    members: [
      {
        officialName: 'Kiel, Landeshauptstadt',
        displayName: 'Landeshauptstadt Kiel',
        kind: 'kreisfreie-stadt',
        officialKey: '01002',
        population: { count: 247548, asOf: '2018-12-31', source: POPULATION_SOURCE },
      },
      {
        officialName: 'Plön',
        displayName: 'Kreis Plön',
        kind: 'kreis',
        officialKey: '01057',
        population: { count: 128647, asOf: '2018-12-31', source: POPULATION_SOURCE },
        note: 'Bevölkerung 2023 laut Referenzdaten: 131.370.',
      },
      {
        officialName: 'Rendsburg-Eckernförde',
        displayName: 'Kreis Rendsburg-Eckernförde',
        kind: 'kreis',
        officialKey: '01058',
        population: { count: 272775, asOf: '2018-12-31', source: POPULATION_SOURCE },
        note: 'Bevölkerung 2023 laut Referenzdaten: 279.864.',
      },
    ],
    carrier: {
      name: 'KielRegion GmbH',
      legalForm: 'gmbh',
      shareCapital: { cents: 5_000_000 },
      shareholders: [
        { name: 'Landeshauptstadt Kiel', sharePercent: 36.67 },
        {
          name: 'WFG Infrastruktur GmbH (Kreis Rendsburg-Eckernförde)',
          sharePercent: 36.67,
          note: 'Verkauf an den Kreis Rendsburg-Eckernförde zum 01.01.2026 geplant (S20).',
        },
        { name: 'Kreis Plön', sharePercent: 26.67 },
      ],
      note: 'Gegründet 2008 (S20).',
    },
    imprint: {
      publisher: 'KielRegion GmbH',
      address: exampleAddress('24103', 'Kiel'),
      representative: `${EXAMPLE_PERSON} (Geschäftsführung, Beispiel)`,
      email: `info@${DOMAIN}`,
      phone: EXAMPLE_PHONE,
      responsibleForContent: `${EXAMPLE_PERSON_2} (Beispiel)`,
      privacyUrl: `https://${DOMAIN}/datenschutz`,
    },
    sender: { name: 'KielRegion', email: `newsletter@${DOMAIN}`, replyTo: `info@${DOMAIN}` },
    datelineStyle: 'brand-date',
  },
  bodies: [
    { id: 'gesellschafterversammlung', regionId, role: 'supervises', localName: 'Gesellschafterversammlung' },
    {
      id: 'aufsichtsrat',
      regionId,
      role: 'supervises',
      localName: 'Aufsichtsrat',
      note: 'Vorsitz wechselt etwa alle zwei Jahre (S20).',
    },
    { id: 'lenkungsausschuss', regionId, role: 'decides', localName: 'Lenkungsausschuss' },
    { id: 'facharbeitsgruppen', regionId, role: 'works', localName: 'Facharbeitsgruppen' },
    { id: 'projektgruppe', regionId, role: 'works', localName: 'Projektgruppe' },
    {
      id: 'regionalrat',
      regionId,
      role: 'advises',
      localName: 'Regionalrat',
      note: `2024 beschlossen (S20). Rolle: ${EDITORIAL}`,
    },
    {
      id: 'regionalkonferenz',
      regionId,
      role: 'advises',
      localName: 'Regionalkonferenz',
      description: 'Jährlicher Treffpunkt der Akteure aus Politik, Verwaltung, Wissenschaft und Wirtschaft.',
    },
  ],
  decisions: [
    {
      id: 'la-2024-ostseeraum',
      regionId,
      bodyId: 'lenkungsausschuss',
      date: '2024-11-20',
      subject: 'Ergebnisse der Regionalkonferenz 2024',
      outcome: 'noted',
      projectIds: ['regionalkonferenz-2024'],
      note: ILLUSTRATIVE,
    },
  ],
  strategies: [
    {
      id: 'rek-2013',
      regionId,
      kind: 'rek',
      title: 'Regionales Entwicklungskonzept (REK) Kiel Region',
      versions: [{ label: 'REK 2013', date: '2013-10-08' }],
      fieldsOfAction: [
        { id: 'verkehrliche-entwicklung', title: 'Verkehrliche Entwicklung' },
        { id: 'wirtschaftliche-entwicklung', title: 'Wirtschaftliche Entwicklung' },
        { id: 'regionale-kooperation', title: 'Regionale Kooperation' },
      ],
      note: 'Mit 11 Leitprojekten (S22, S23).',
    },
    {
      id: 'kielregion-2030',
      regionId,
      kind: 'other',
      title: 'Strategieprozess KielRegion 2030',
      versions: [
        {
          label: 'Strategiepapier 2021',
          year: 2021,
          note: 'Prozess vom 15.01.2021 bis 12/2021 (Strategiepapier); 2024 abgeschlossen (S20).',
        },
      ],
      fieldsOfAction: [
        { id: 'wirtschaftsregion', title: 'Arbeit & Wirtschaft (WirtschaftsRegion)' },
        { id: 'mobilitaetsregion', title: 'Regionales Mobilitätsmanagement (MobilitätsRegion)' },
        {
          id: 'zukunftsregion',
          title: 'Zukunftsthemen (ZukunftsRegion)',
          description: 'Einschließlich der Masterpläne Klima und Gesundheit.',
        },
      ],
    },
  ],
  projects: [
    {
      id: 'masterplan-mobilitaet',
      regionId,
      title: 'Masterplan Mobilität KielRegion',
      kind: 'lead-project',
      status: 'completed',
      statusHistory: [
        {
          status: 'completed',
          since: '2017-09-01',
          note: `Handlungskonzept im Herbst 2017. ${ILLUSTRATIVE_DATE}`,
        },
      ],
      strategyId: 'rek-2013',
      fieldOfActionIds: ['verkehrliche-entwicklung'],
      description: 'Regionsweiter Aktionsplan Mobilität der Kreise und der Landeshauptstadt Kiel mit NAH.SH.',
      leadOrganisation: { name: 'KielRegion GmbH', kind: 'regional-management' },
      partners: [
        { name: 'Landeshauptstadt Kiel', kind: 'municipality', officialKey: '01002', role: 'Partner' },
        { name: 'Kreis Plön', kind: 'municipality', officialKey: '01057', role: 'Partner' },
        { name: 'Kreis Rendsburg-Eckernförde', kind: 'municipality', officialKey: '01058', role: 'Partner' },
        { name: 'NAH.SH', kind: 'other', role: 'Partner' },
      ],
      areaCovered: allMembers,
      milestones: [{ title: 'Handlungskonzept', reachedOn: '2017-09-01', note: ILLUSTRATIVE_DATE }],
      expectedResults: ['Fortgeführt als Regionales Mobilitätsmanagement'],
      topics: ['mobilitaet'],
      note: `Quelle S36. Projektart: ${EDITORIAL}`,
    },
    {
      id: 'mobilitaetsstationen-sprottenflotte',
      regionId,
      title: 'Mobilitätsstationen und SprottenFlotte',
      kind: 'project-pool',
      status: 'running',
      statusHistory: [{ status: 'running', since: '2020-01-01', note: ILLUSTRATIVE_DATE }],
      strategyId: 'rek-2013',
      fieldOfActionIds: ['verkehrliche-entwicklung'],
      description:
        'Mobilitätsstationen und Fahrradverleih (SprottenFlotte) als Umsetzung des Masterplans Mobilität.',
      areaCovered: allMembers,
      topics: ['mobilitaet'],
      note: `Umgesetzt laut Pressemitteilung 2020/21 (S21); aktueller Stand unverifiziert. Projektart: ${EDITORIAL}`,
    },
    {
      id: 'hystarter-hyexperts',
      regionId,
      title: 'HyStarter / HyExperts Wasserstoffregion',
      kind: 'project-pool',
      status: 'completed',
      statusHistory: [
        { status: 'running', since: '2019-01-01', note: `HyStarter-Auswahl 2019. ${ILLUSTRATIVE_DATE}` },
        { status: 'completed', since: '2021-05-01', note: 'HyStarter-Ergebnisse Mai 2021; Tag illustrativ.' },
      ],
      strategyId: 'kielregion-2030',
      fieldOfActionIds: ['zukunftsregion'],
      description:
        'Konzept für grünen Wasserstoff: die KielRegion war 2019 einer von neun HyStarter-Gewinnern; Ergebnisse im Mai 2021. Für HyExperts gab es eine Förderung von 400.000 €.',
      areaCovered: allMembers,
      milestones: [
        { title: 'Auswahl als HyStarter-Region', reachedOn: '2019-01-01', note: ILLUSTRATIVE_DATE },
        {
          title: 'HyStarter-Ergebnisse vorgestellt',
          reachedOn: '2021-05-01',
          note: 'Mai 2021; Tag illustrativ.',
        },
      ],
      topics: ['zukunftsthemen'],
      note: `Quelle S36. HyStarter abgeschlossen; Stand von HyExperts unverifiziert. Projektart und Handlungsfeld: ${EDITORIAL}`,
    },
    {
      id: 'regionalkonferenz-2024',
      regionId,
      title: 'Regionalkonferenz 2024',
      kind: 'project-pool',
      status: 'running',
      statusHistory: [{ status: 'running', since: '2024-01-15', note: ILLUSTRATIVE_DATE }],
      strategyId: 'rek-2013',
      fieldOfActionIds: ['regionale-kooperation'],
      description:
        'Regionalkonferenz mit rund 300 Teilnehmenden auf dem MFG5-Gelände unter dem Motto „Zwischen Northvolt und Fehmarnbelt“; Workshops u. a. „Kooperation im Ostseeraum“.',
      targetGroups: ['Akteure aus Politik, Verwaltung, Wissenschaft und Wirtschaft'],
      areaCovered: allMembers,
      milestones: [{ title: 'Konferenz durchgeführt', reachedOn: '2024-09-06', note: ILLUSTRATIVE_DATE }],
      nextSteps: ['Ergebnisse der Workshops auswerten'],
      decisionIds: ['la-2024-ostseeraum'],
      topics: ['kooperation'],
      note: `Quelle S30: durchgeführt, Ergebnisse werden ausgewertet. Projektart und Handlungsfeld: ${EDITORIAL}`,
    },
  ],
  grants: [
    {
      id: 'regionalbudget-2016-2019',
      regionId,
      title: 'Regionalbudget 2016–2019',
      instrument: 'regionalbudget-grw',
      programme: 'Landesprogramm Wirtschaft / GRW',
      beneficiary: { kind: 'management' },
      period: { from: '2016-10-01', to: '2019-09-30' },
      eligibleCosts: { cents: 112_500_000 },
      ratePercent: 80,
      grant: { cents: 90_000_000 },
      ownShare: { cents: 22_500_000 },
      ownShareKey: {
        kind: 'weights',
        weights: [
          { officialKey: '01002', weight: 36.67 },
          { officialKey: '01057', weight: 26.67 },
          { officialKey: '01058', weight: 36.67 },
        ],
      },
      note: 'Quelle S18. Förderfähige Kosten = Zuwendung + Eigenanteil. Aufteilungsschlüssel nach Gesellschafteranteilen: illustrativ.',
    },
    {
      id: 'hyexperts',
      regionId,
      title: 'HyExperts Wasserstoffregion',
      instrument: 'federal-programme',
      programme: 'HyExperts',
      beneficiary: { kind: 'project', projectId: 'hystarter-hyexperts' },
      period: { from: '2021-06-01', to: '2023-05-31' },
      grant: { cents: 40_000_000 },
      note: 'Betrag laut S36; Zeitraum illustrativ; Stand unverifiziert.',
    },
  ],
  events: [
    {
      id: 'regionalkonferenz-2024',
      regionId,
      title: 'Regionalkonferenz 2024: Zwischen Northvolt und Fehmarnbelt',
      startsAt: '2024-09-06T13:00:00+02:00',
      endsAt: '2024-09-06T18:00:00+02:00',
      place: 'MFG5-Gelände, Kiel',
      description: 'Jährliche Regionalkonferenz mit Workshops, u. a. zur Kooperation im Ostseeraum.',
      registrationUrl: `https://${DOMAIN}/regionalkonferenz`,
      projectId: 'regionalkonferenz-2024',
      topics: ['kooperation'],
      image: exampleImage(DOMAIN, 'regionalkonferenz.jpg', 'Gäste im Plenum der Regionalkonferenz'),
      note: `Motto und Ort laut S30. ${ILLUSTRATIVE_DATE}`,
    },
    {
      id: 'facharbeitsgruppe-mobilitaet-2024',
      regionId,
      title: 'Facharbeitsgruppe Mobilität (Beispieltermin)',
      startsAt: '2024-10-15T10:00:00+02:00',
      endsAt: '2024-10-15T12:30:00+02:00',
      place: 'Kiel (Beispielort)',
      topics: ['mobilitaet'],
      note: ILLUSTRATIVE,
    },
  ],
  articles: [
    {
      id: 'strategieprozess-2030-abgeschlossen',
      regionId,
      title: 'Strategieprozess KielRegion 2030 abgeschlossen',
      publishedOn: '2024-06-03',
      teaser:
        'Der 2021 begonnene Strategieprozess KielRegion 2030 ist abgeschlossen. Er bündelt die Arbeit in WirtschaftsRegion, MobilitätsRegion und ZukunftsRegion mit den Masterplänen Klima und Gesundheit.',
      url: `https://${DOMAIN}/aktuelles/strategie-2030`,
      image: exampleImage(
        DOMAIN,
        'strategie-2030.jpg',
        'Teilnehmende eines Strategieworkshops an Stellwänden',
      ),
      topics: ['kooperation'],
      note: `Inhalt laut S20. ${ILLUSTRATIVE_DATE}`,
    },
    {
      id: 'rueckblick-regionalkonferenz-2024',
      regionId,
      title: 'Rückblick: Regionalkonferenz 2024',
      publishedOn: '2024-09-10',
      teaser:
        'Rund 300 Gäste kamen auf das MFG5-Gelände. Die Ergebnisse der Workshops, darunter „Kooperation im Ostseeraum“, werden jetzt ausgewertet.',
      projectIds: ['regionalkonferenz-2024'],
      topics: ['kooperation'],
      note: `Inhalt laut S30. ${ILLUSTRATIVE_DATE}`,
    },
  ],
  topics: [
    { id: 'mobilitaet', regionId, name: 'Mobilität', nameEn: 'Mobility' },
    { id: 'wirtschaft', regionId, name: 'Wirtschaft und Arbeit', nameEn: 'Economy and work' },
    { id: 'kooperation', regionId, name: 'Regionale Kooperation', nameEn: 'Regional cooperation' },
    { id: 'zukunftsthemen', regionId, name: 'Zukunftsthemen', nameEn: 'Future topics' },
  ],
  lists: [
    {
      id: 'newsletter',
      regionId,
      kind: 'newsletter',
      name: 'KielRegion-Newsletter',
      description: 'Neuigkeiten aus Projekten, Terminen und Förderung.',
      topics: ['mobilitaet', 'wirtschaft', 'kooperation', 'zukunftsthemen'],
    },
    {
      id: 'presse',
      regionId,
      kind: 'press',
      name: 'Presseverteiler KielRegion',
      topics: ['mobilitaet', 'wirtschaft', 'kooperation', 'zukunftsthemen'],
    },
  ],
  newsletterIssues: [
    {
      id: 'newsletter-2024-08',
      regionId,
      label: 'Beispielausgabe August 2024',
      date: '2024-08-20',
      subject: 'KielRegion-Newsletter: Regionalkonferenz 2024 und Neues aus den Projekten',
      preheader:
        'Strategie 2030 abgeschlossen, Wasserstoff, Mobilitätsstationen und ein Termin zum Vormerken',
      heroImage: exampleImage(DOMAIN, 'kieler-foerde.jpg', 'Blick über die Kieler Förde'),
      editorial: {
        heading: 'Liebe Leserinnen und Leser,',
        text: 'dies ist eine Beispielausgabe: Inhalte zu Projekten stammen aus öffentlichen Angaben, Termine, Fristen und Namen sind illustrativ.',
        author: EXAMPLE_PERSON,
        authorRole: 'Regionalmanagement (Beispiel)',
      },
      sections: [
        {
          heading: 'Aus der Region',
          items: [
            {
              kind: 'article',
              title: 'Strategieprozess KielRegion 2030 abgeschlossen',
              text: 'WirtschaftsRegion, MobilitätsRegion und ZukunftsRegion bündeln die Arbeit der kommenden Jahre.',
              url: `https://${DOMAIN}/aktuelles/strategie-2030`,
              linkLabel: 'Weiterlesen',
              image: exampleImage(
                DOMAIN,
                'strategie-2030.jpg',
                'Teilnehmende eines Strategieworkshops an Stellwänden',
              ),
              articleId: 'strategieprozess-2030-abgeschlossen',
            },
          ],
        },
        {
          heading: 'Aus den Projekten',
          items: [
            {
              kind: 'project-update',
              title: 'HyStarter: Wasserstoffkonzept liegt vor',
              text: 'Die KielRegion war eine von neun HyStarter-Regionen; die Ergebnisse liegen seit Mai 2021 vor.',
              projectId: 'hystarter-hyexperts',
              fieldOfAction: 'Zukunftsthemen (ZukunftsRegion)',
              status: 'completed',
              image: exampleImage(DOMAIN, 'wasserstoff.jpg', 'Wasserstoff-Tankstelle mit Zapfsäule'),
            },
            {
              kind: 'project-update',
              title: 'Mobilitätsstationen und SprottenFlotte',
              text: 'Mobilitätsstationen und Fahrradverleih setzen den Masterplan Mobilität um.',
              projectId: 'mobilitaetsstationen-sprottenflotte',
              fieldOfAction: 'Verkehrliche Entwicklung',
              status: 'running',
            },
          ],
        },
        {
          heading: 'Förderung',
          items: [
            {
              kind: 'funding-call',
              title: 'Förderaufruf für Kooperationsprojekte (Beispiel)',
              text: 'Ein Beispiel für einen Förderaufruf mit Frist und Höchstbetrag; beide Angaben sind illustrativ.',
              deadline: '2024-10-31',
              maxGrant: { cents: 2_000_000 },
              url: `https://${DOMAIN}/foerderung`,
              image: exampleImage(DOMAIN, 'foerderung.jpg', 'Hände über einem Projektantrag'),
            },
          ],
        },
        {
          heading: 'Termine',
          items: [
            {
              kind: 'event',
              title: 'Regionalkonferenz 2024: Zwischen Northvolt und Fehmarnbelt',
              startsAt: '2024-09-06T13:00:00+02:00',
              endsAt: '2024-09-06T18:00:00+02:00',
              place: 'MFG5-Gelände, Kiel',
              text: 'Workshops u. a. zur Kooperation im Ostseeraum.',
              registrationUrl: `https://${DOMAIN}/regionalkonferenz`,
              eventId: 'regionalkonferenz-2024',
              image: exampleImage(DOMAIN, 'regionalkonferenz.jpg', 'Gäste im Plenum der Regionalkonferenz'),
            },
          ],
        },
      ],
      topics: ['kooperation', 'mobilitaet', 'zukunftsthemen'],
    },
  ],
  pressReleases: [
    {
      id: 'pm-2024-regionalkonferenz',
      regionId,
      number: { seq: 7, year: 2024 },
      dateline: { place: 'Kiel', date: '2024-09-09', style: 'brand-date' },
      headline: 'Rund 300 Gäste bei der Regionalkonferenz der KielRegion',
      subline:
        '„Zwischen Northvolt und Fehmarnbelt“: Workshops zu Zukunftsthemen, darunter die Kooperation im Ostseeraum',
      lead: 'Rund 300 Teilnehmende sind zur Regionalkonferenz 2024 der KielRegion auf das MFG5-Gelände gekommen. Unter dem Motto „Zwischen Northvolt und Fehmarnbelt“ arbeiteten sie in Workshops an Themen der Region.',
      body: 'In den Workshops, darunter „Kooperation im Ostseeraum“, sammelten Akteure aus Politik, Verwaltung, Wissenschaft und Wirtschaft Ansatzpunkte für die Zusammenarbeit.\n\nDie Ergebnisse werden jetzt ausgewertet und in die Facharbeitsgruppen getragen.',
      quotes: [
        {
          text: 'Die Regionalkonferenz zeigt, wie viel gemeinsam möglich ist.',
          person: EXAMPLE_PERSON,
          role: 'Regionalmanagement KielRegion (Beispielzitat)',
        },
      ],
      boilerplate: {
        title: 'Über die KielRegion',
        text: 'Die KielRegion GmbH wurde 2008 gegründet. Gesellschafter sind die Landeshauptstadt Kiel, der Kreis Plön und die WFG Infrastruktur GmbH des Kreises Rendsburg-Eckernförde.\nDie Region der drei Gebietskörperschaften hat rund 649.000 Einwohnerinnen und Einwohner (Stand 31.12.2018).\nDie Gesellschaft setzt die regionale Entwicklungsstrategie um und bringt Partner aus Wirtschaft, Wissenschaft, Verwaltung und Politik zusammen.',
      },
      contact: {
        name: EXAMPLE_PERSON,
        role: 'Pressekontakt (Beispiel)',
        organisation: 'KielRegion GmbH',
        phone: EXAMPLE_PHONE,
        email: `presse@${DOMAIN}`,
      },
      images: [
        {
          ...exampleImage(DOMAIN, 'regionalkonferenz-plenum.jpg', 'Volles Plenum auf dem MFG5-Gelände'),
          caption: 'Die Regionalkonferenz 2024 auf dem MFG5-Gelände (Beispielbild).',
          credit: `Bild: KielRegion | © ${EXAMPLE_PERSON_2}`,
        },
      ],
      topics: ['kooperation'],
      note: `Fakten laut S30; Nummer, Datum, Zitat und Kontakt: ${ILLUSTRATIVE}`,
    },
  ],
  workshops: [KOOPERATION_IM_OSTSEERAUM_INPUT],
});
