/** What the CLI says for `regiokit approve|publish|unpublish|withdraw|reopen`, in German (default) and English. */
export const PUBLICATION_DE = {
  publicationKindArgument: 'Art: newsletter-issue (Newsletter-Ausgabe) oder press-release (Pressemitteilung)',
  publicationIdArgument: 'ID der Ausgabe oder Pressemitteilung',
  publicationDescriptions: {
    approve: 'Gibt einen Entwurf frei (Entwurf → freigegeben).',
    publish:
      'Veröffentlicht eine freigegebene Ausgabe oder Pressemitteilung im Archiv (freigegeben → veröffentlicht).',
    unpublish: 'Nimmt eine Veröffentlichung aus dem Archiv zurück (veröffentlicht → freigegeben).',
    withdraw: 'Zieht eine Veröffentlichung zurück (veröffentlicht → zurückgezogen).',
    reopen: 'Macht eine freigegebene oder zurückgezogene Fassung wieder zum Entwurf.',
  } as Record<string, string>,
  publicationExamples: (action: string) => [
    `regiokit ${action} press-release pm-2025-azubi-speed-dating`,
    `regiokit ${action} newsletter-issue newsletter-2024-08 --region kielregion --json`,
  ],
  publicationUnknownKind: (kind: string) =>
    `Unbekannte Art „${kind}“; erwartet: newsletter-issue oder press-release.`,
  publicationUnknown: (kind: string, id: string) => `Keine ${kind} mit der ID „${id}“.`,
  publicationAmbiguous: (id: string, regions: string) =>
    `„${id}“ gibt es in mehreren Regionen (${regions}); wähle eine mit --region.`,
  publicationRefused: (title: string, state: string, action: string, allowed: string) =>
    `${title} ist ${state}; „${action}“ geht daraus nicht. Möglich: ${allowed}.`,
  publicationNothingAllowed: 'nichts',
  publicationChanged: (title: string, from: string, to: string) => `${title}: ${from} → ${to}.`,
  publicationEmbargoNote: (when: string) => `Im Archiv erst ab Ende der Sperrfrist: ${when}.`,
  publicationKindLabels: {
    'newsletter-issue': 'Newsletter-Ausgabe',
    'press-release': 'Pressemitteilung',
  } as Record<string, string>,
  publicationStateLabels: {
    draft: 'Entwurf',
    approved: 'freigegeben',
    published: 'veröffentlicht',
    withdrawn: 'zurückgezogen',
  } as Record<string, string>,
};

export type PublicationMessages = typeof PUBLICATION_DE;

export const PUBLICATION_EN: PublicationMessages = {
  publicationKindArgument: 'kind: newsletter-issue or press-release',
  publicationIdArgument: 'id of the issue or press release',
  publicationDescriptions: {
    approve: 'Approves a draft (draft → approved).',
    publish: 'Publishes an approved issue or press release in the archive (approved → published).',
    unpublish: 'Takes a publication out of the archive again (published → approved).',
    withdraw: 'Withdraws a publication (published → withdrawn).',
    reopen: 'Turns an approved or withdrawn version into a draft again.',
  },
  publicationExamples: (action) => [
    `regiokit ${action} press-release pm-2025-azubi-speed-dating`,
    `regiokit ${action} newsletter-issue newsletter-2024-08 --region kielregion --json`,
  ],
  publicationUnknownKind: (kind) => `Unknown kind "${kind}"; expected newsletter-issue or press-release.`,
  publicationUnknown: (kind, id) => `No ${kind} with the id "${id}".`,
  publicationAmbiguous: (id, regions) =>
    `"${id}" exists in several regions (${regions}); pick one with --region.`,
  publicationRefused: (title, state, action, allowed) =>
    `${title} is ${state}; "${action}" is not possible from there. Possible: ${allowed}.`,
  publicationNothingAllowed: 'nothing',
  publicationChanged: (title, from, to) => `${title}: ${from} → ${to}.`,
  publicationEmbargoNote: (when) => `In the archive only once the embargo ends: ${when}.`,
  publicationKindLabels: { 'newsletter-issue': 'Newsletter issue', 'press-release': 'Press release' },
  publicationStateLabels: {
    draft: 'draft',
    approved: 'approved',
    published: 'published',
    withdrawn: 'withdrawn',
  },
};
