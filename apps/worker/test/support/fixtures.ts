import { compileNewsletter, createTheme } from '@regiokit/content';
import type { Campaign, NewsletterIssue, Region } from '@regiokit/core';
import type { CompiledMail, TemplateSource } from '../../src/sending/template-source';

/** KielRegion, shaped like the reference data (see shared/data/regions.reference.json). */
export const REGION: Region = {
  id: 'kielregion' as Region['id'],
  name: 'KielRegion',
  brand: 'KielRegion',
  bundesland: 'Schleswig-Holstein',
  timeZone: 'Europe/Berlin',
  language: 'de',
  website: 'https://www.kielregion.de',
  members: [
    {
      officialName: 'Kiel, Landeshauptstadt',
      displayName: 'Landeshauptstadt Kiel',
      kind: 'landeshauptstadt',
      officialKey: '01002',
    },
    { officialName: 'Plön', displayName: 'Kreis Plön', kind: 'kreis', officialKey: '01057' },
    {
      officialName: 'Rendsburg-Eckernförde',
      displayName: 'Kreis Rendsburg-Eckernförde',
      kind: 'kreis',
      officialKey: '01058',
    },
  ],
  carrier: { name: 'KielRegion GmbH', legalForm: 'gmbh', shareholders: [] },
  imprint: {
    publisher: 'KielRegion GmbH',
    address: { street: 'Neufeldtstraße 6', postalCode: '24118', city: 'Kiel', country: 'DE' },
    representative: 'Geschäftsführung der KielRegion GmbH',
    email: 'info@kielregion.example',
    responsibleForContent: 'Redaktion KielRegion, Anschrift wie oben',
  },
  sender: { name: 'KielRegion – Regionalmanagement', email: 'newsletter@kielregion.example' },
};

const PARAGRAPH =
  'Die KielRegion unterstützt Unternehmen, Kommunen und Hochschulen dabei, gemeinsam Projekte für Fachkräfte, ' +
  'Mobilität und Klimaschutz umzusetzen. Über die Förderung entscheidet der Lenkungsausschuss in seiner Frühjahrssitzung.';

/** A newsletter issue of about 20 KB of HTML, personalised with `{{firstName}}`. */
export function exampleIssue(sections = 3): NewsletterIssue {
  return {
    id: 'ausgabe-4-2026' as NewsletterIssue['id'],
    regionId: REGION.id,
    language: 'de',
    label: 'Ausgabe 4/2026',
    date: '2026-11-21',
    subject: 'Neues aus der KielRegion für {{firstName}}',
    preheader: 'Regionalbudget, Termine und Projekte',
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `Aus dem Handlungsfeld ${'ABC'[s % 3]}`,
      items: Array.from({ length: 3 }, (_, i) => ({
        kind: 'article' as const,
        title: `Meldung ${s + 1}.${i + 1}: Größere Vorhaben im Überblick`,
        text: PARAGRAPH,
        url: `https://www.kielregion.de/meldungen/${s + 1}-${i + 1}`,
      })),
    })),
    topics: [],
  } as NewsletterIssue;
}

/** A campaign record for tests. */
export function exampleCampaign(id: string, status: Campaign['status'] = 'draft'): Campaign {
  return {
    id: id as Campaign['id'],
    regionId: REGION.id,
    name: `Newsletter ${id}`,
    content: { kind: 'newsletter', issueId: 'ausgabe-4-2026' as NewsletterIssue['id'] },
    audience: { listId: 'newsletter' as Campaign['audience']['listId'], topics: [] },
    plan: { kind: 'now' },
    status,
    createdAt: '2026-11-21T08:00:00Z',
    updatedAt: '2026-11-21T08:00:00Z',
  };
}

/** Renders the example issue with @regiokit/content (the real renderer). */
export function exampleTemplateSource(sections = 3): TemplateSource {
  const theme = createTheme(REGION);
  const mailOf = (compiled: CompiledMail['compiled']): CompiledMail => ({
    compiled,
    from: { name: REGION.sender!.name, email: REGION.sender!.email },
    list: { id: 'newsletter.kielregion.example', name: 'Newsletter der KielRegion' },
    unsubscribeMailbox: 'unsubscribe@kielregion.example',
  });
  return {
    async compileCampaign(_campaign, language, { testSend }) {
      return mailOf(await compileNewsletter(exampleIssue(sections), theme, { language, testSend }));
    },
    async compileServiceMail() {
      throw new Error('service mails are not rendered by @regiokit/content yet');
    },
  };
}
