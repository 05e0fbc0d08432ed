/** What the CLI says for `regiokit subscribers`, in German (default) and English. */
export const SUBSCRIBERS_DE = {
  subscribersDescription: 'Abonnenten importieren, exportieren, anzeigen, löschen',
  subscribersImportDescription:
    'Importiert Abonnenten aus einer CSV-Datei in einen Verteiler und zeigt den Bericht je Zeile.',
  subscribersImportArgument: 'CSV-Datei',
  subscribersImportExamples: [
    'regiokit subscribers import abonnenten.csv --list newsletter --region kielregion',
    'regiokit subscribers import presse.csv --list presse --region thueringer-bogen --json',
  ],
  subscribersExportDescription: 'Exportiert die Abonnenten eines Verteilers als CSV.',
  outputOption: 'Zieldatei (Standard: Ausgabe auf dem Terminal)',
  subscribersExportExamples: [
    'regiokit subscribers export --list newsletter --region kielregion > newsletter.csv',
    'regiokit subscribers export --list presse --region thueringer-bogen --output presse.csv',
  ],
  subscribersShowDescription: 'Zeigt Status und Einwilligungsverlauf einer Adresse.',
  emailArgument: 'E-Mail-Adresse',
  subscribersShowExamples: [
    'regiokit subscribers show erika.musterfrau@example.org --region kielregion',
    'regiokit subscribers show erika.musterfrau@example.org --region kielregion --json',
  ],
  subscribersEraseDescription:
    'Löscht alle personenbezogenen Daten einer Adresse (Art. 17 DSGVO); eine Sperrliste verhindert den erneuten Import.',
  yesOption: 'ohne Rückfrage löschen',
  subscribersEraseExamples: [
    'regiokit subscribers erase erika.musterfrau@example.org --region kielregion --yes',
  ],
  eraseNeedsYes: 'Löschen ist endgültig. Bestätige mit --yes.',
  unknownSubscriber: (email: string) => `Keine Abonnentin und kein Abonnent mit der Adresse ${email}.`,
  subscriberTitle: (email: string, status: string) => `${email}: ${status}`,
  subscriberLists: (lists: string) => `Verteiler: ${lists}`,
  subscriberTopics: (topics: string) => `Themen: ${topics}`,
  subscriberSince: (when: string) => `Angelegt: ${when}`,
  suppressedAs: (reason: string) => `Auf der Sperrliste: ${reason}`,
  consentHistory: 'Einwilligungsverlauf',
  colWhen: 'Zeitpunkt',
  colAction: 'Vorgang',
  colSource: 'Quelle',
  colVersion: 'Text-Version',
  consentActions: {
    requested: 'angemeldet',
    confirmed: 'bestätigt (Double-Opt-in)',
    withdrawn: 'abgemeldet',
    'preferences-changed': 'Einstellungen geändert',
  } as Record<string, string>,
  subscriberStatusLabels: {
    pending: 'unbestätigt',
    active: 'aktiv',
    unsubscribed: 'abgemeldet',
    bounced: 'unzustellbar',
    complained: 'beschwert',
  } as Record<string, string>,
  subscriberErased: (email: string) =>
    `${email}: alle personenbezogenen Daten gelöscht; die Adresse steht als Prüfsumme auf der Sperrliste.`,
  storeMissing: (what: string) =>
    `Diese Funktion bietet der Speicher (@regiokit/store) noch nicht an: ${what}.`,
  csvReport: (imported: string, updated: string, skipped: string) =>
    `${imported} importiert, ${updated} aktualisiert, ${skipped} übersprungen.`,
  csvStatus: (active: string, pending: string) =>
    `${active} mit Einwilligungsnachweis aktiv, ${pending} unbestätigt (brauchen eine Bestätigung per Double-Opt-in).`,
  csvBadRows: (count: string) => `${count} Zeilen mit ungültigen Angaben wurden übersprungen.`,
  csvFileMissing: (path: string) => `CSV-Datei nicht gefunden: ${path}`,
  consentVersionOption: 'Version des Einwilligungstexts für Zeilen ohne eigene Angabe',
  consentTextOption: 'Datei mit dem Wortlaut des Einwilligungstexts (neue Version)',
  statusFilterOption: 'nur Abonnenten mit diesem Status',
  regionNeeded: (known: string) => `Gib die Region mit --region an. Vorhanden: ${known}`,
  skipReasons: {
    'invalid-address': 'ungültige Adresse',
    'duplicate-in-file': 'doppelt in der Datei',
    suppressed: 'gesperrt',
    'unknown-topic': 'unbekanntes Thema',
    'invalid-value': 'ungültiger Wert',
    withdrawn: 'hat sich abgemeldet',
  } as Record<string, string>,
  exportWritten: (count: string, path: string) => `${count} Zeilen nach ${path} geschrieben.`,
  colRow: 'Zeile',
  colEmail: 'Adresse',
  colReason: 'Grund',
};

export type SubscribersMessages = typeof SUBSCRIBERS_DE;

export const SUBSCRIBERS_EN: SubscribersMessages = {
  subscribersDescription: 'import, export, show and erase subscribers',
  subscribersImportDescription:
    'Imports subscribers from a CSV file into a list and shows the report per row.',
  subscribersImportArgument: 'CSV file',
  subscribersImportExamples: [
    'regiokit subscribers import subscribers.csv --list newsletter --region kielregion',
    'regiokit subscribers import press.csv --list presse --region thueringer-bogen --json',
  ],
  subscribersExportDescription: 'Exports the subscribers of a list as CSV.',
  outputOption: 'target file (default: the terminal)',
  subscribersExportExamples: [
    'regiokit subscribers export --list newsletter --region kielregion > newsletter.csv',
    'regiokit subscribers export --list presse --region thueringer-bogen --output press.csv',
  ],
  subscribersShowDescription: 'Shows status and consent history of an address.',
  emailArgument: 'e-mail address',
  subscribersShowExamples: [
    'regiokit subscribers show erika.musterfrau@example.org --region kielregion',
    'regiokit subscribers show erika.musterfrau@example.org --region kielregion --json',
  ],
  subscribersEraseDescription:
    'Erases all personal data of an address (GDPR Art. 17); a suppression hash keeps it from being imported again.',
  yesOption: 'erase without asking',
  subscribersEraseExamples: [
    'regiokit subscribers erase erika.musterfrau@example.org --region kielregion --yes',
  ],
  eraseNeedsYes: 'Erasing cannot be undone. Confirm with --yes.',
  unknownSubscriber: (email) => `No subscriber with the address ${email}.`,
  subscriberTitle: (email, status) => `${email}: ${status}`,
  subscriberLists: (lists) => `Lists: ${lists}`,
  subscriberTopics: (topics) => `Topics: ${topics}`,
  subscriberSince: (when) => `Created: ${when}`,
  suppressedAs: (reason) => `On the suppression list: ${reason}`,
  consentHistory: 'Consent history',
  colWhen: 'When',
  colAction: 'Action',
  colSource: 'Source',
  colVersion: 'Text version',
  consentActions: {},
  subscriberStatusLabels: {},
  subscriberErased: (email) =>
    `${email}: all personal data erased; the address stays on the suppression list as a hash.`,
  storeMissing: (what) => `The store (@regiokit/store) does not offer this yet: ${what}.`,
  csvReport: (imported, updated, skipped) => `${imported} imported, ${updated} updated, ${skipped} skipped.`,
  csvStatus: (active, pending) =>
    `${active} active with consent evidence, ${pending} pending (need a double opt-in confirmation).`,
  csvBadRows: (count) => `${count} rows with invalid values were skipped.`,
  csvFileMissing: (path) => `CSV file not found: ${path}`,
  consentVersionOption: 'version of the consent text for rows that name none',
  consentTextOption: 'file with the wording of the consent text (a new version)',
  statusFilterOption: 'only subscribers with this status',
  regionNeeded: (known) => `Name the region with --region. Known: ${known}`,
  skipReasons: {},
  exportWritten: (count, path) => `${count} rows written to ${path}.`,
  colRow: 'Row',
  colEmail: 'Address',
  colReason: 'Reason',
};
