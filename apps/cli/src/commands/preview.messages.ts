/** What the CLI says for `regiokit preview`, in German (default) and English. */
export const PREVIEW_DE = {
  previewDescription:
    'Schreibt HTML und Text einer Newsletter-Ausgabe oder Pressemitteilung und zeigt Größe und Warnungen.',
  previewArgument: 'ID der Newsletter-Ausgabe oder Pressemitteilung',
  previewOpenOption: 'im Browser öffnen',
  previewLanguageOption: 'Sprache der Mail: de oder en (Standard: die des Inhalts)',
  previewOutOption: 'Zielordner (Standard: <Datenordner>/previews)',
  previewExamples: [
    'regiokit preview newsletter-2024-08',
    'regiokit preview pm-2025-azubi-speed-dating --open',
    'regiokit preview newsletter-2025-02 --region thueringer-bogen --json',
  ],
  previewUnknown: (id: string) => `Keine Newsletter-Ausgabe und keine Pressemitteilung mit der ID „${id}“.`,
  previewAmbiguous: (id: string, regions: string) =>
    `„${id}“ gibt es in mehreren Regionen (${regions}); wähle eine mit --region.`,
  previewWritten: (kind: string, title: string) => `${kind}: ${title}`,
  previewHtml: (path: string, size: string) => `HTML: ${path} (${size})`,
  previewText: (path: string) => `Text: ${path}`,
  previewPage: (path: string) => `Archivseite: ${path}`,
  previewWarnings: 'Warnungen:',
  previewNoWarnings: 'Keine Warnungen.',
  previewEmbargo: (when: string) => `Sperrfrist bis ${when}`,
  previewOpened: (path: string) => `Geöffnet: ${path}`,
  previewOpenFailed: (path: string) => `Konnte keinen Browser starten; öffne die Datei selbst: ${path}`,
  kindNewsletter: 'Newsletter',
  kindPressRelease: 'Pressemitteilung',
};

export type PreviewMessages = typeof PREVIEW_DE;

export const PREVIEW_EN: PreviewMessages = {
  previewDescription:
    'Writes the HTML and text of a newsletter issue or press release and shows size and warnings.',
  previewArgument: 'id of the newsletter issue or press release',
  previewOpenOption: 'open it in the browser',
  previewLanguageOption: 'language of the mail: de or en (default: the content’s)',
  previewOutOption: 'target folder (default: <data folder>/previews)',
  previewExamples: [
    'regiokit preview newsletter-2024-08',
    'regiokit preview pm-2025-azubi-speed-dating --open',
    'regiokit preview newsletter-2025-02 --region thueringer-bogen --json',
  ],
  previewUnknown: (id) => `No newsletter issue and no press release with the id "${id}".`,
  previewAmbiguous: (id, regions) =>
    `"${id}" exists in several regions (${regions}); pick one with --region.`,
  previewWritten: (kind, title) => `${kind}: ${title}`,
  previewHtml: (path, size) => `HTML: ${path} (${size})`,
  previewText: (path) => `Text: ${path}`,
  previewPage: (path) => `Archive page: ${path}`,
  previewWarnings: 'Warnings:',
  previewNoWarnings: 'No warnings.',
  previewEmbargo: (when) => `Embargo until ${when}`,
  previewOpened: (path) => `Opened: ${path}`,
  previewOpenFailed: (path) => `Could not start a browser; open the file yourself: ${path}`,
  kindNewsletter: 'Newsletter',
  kindPressRelease: 'Press release',
};
