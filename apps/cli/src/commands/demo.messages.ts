/** What the CLI says for `regiokit demo`, in German (default) and English. */
export const DEMO_DE = {
  demoDescription:
    'Führt alles einmal vor: Referenzregionen, Testabonnenten, Newsletter und Pressemitteilung, Versand mit Fortschritt.',
  demoSubscribersOption: 'Zahl der Beispielabonnenten (Standard: 2000)',
  demoExamples: ['regiokit demo', 'regiokit demo --subscribers 50'],
  demoStep: (n: number, total: number, text: string) => `[${n}/${total}] ${text}`,
  demoRedis: (url: string) => `Redis: ${url}`,
  demoRedisStarted: (url: string) =>
    `Auf 127.0.0.1:6379 lief kein Redis; eigener redis-server gestartet: ${url}`,
  demoRedisMissing:
    'Kein Redis erreichbar und kein redis-server gefunden: installiere Redis (Debian/Ubuntu: „sudo apt-get install redis-server“, macOS: „brew install redis“) oder setze REDIS_URL.',
  demoDatabase: (where: string) => `Datenbank: ${where}`,
  demoImport: 'Referenzregionen importieren',
  demoSubscribers: (count: string) => `${count} Beispielabonnenten (example.org) mit Einwilligung anlegen`,
  demoRender: 'KielRegion-Newsletter und Thüringer-Bogen-Pressemitteilung (mit Sperrfrist) rendern',
  demoSchedule: 'Newsletter in zehn Sekunden planen',
  demoSend: 'Worker starten und versenden',
  demoSummary: 'Zusammenfassung',
  demoOutbox: (dir: string) => `Ausgang (eine .eml-Datei je Mail): ${dir}`,
  demoPreviews: (dir: string) => `Vorschauen: ${dir}`,
  demoArchive: (url: string) => `Archiv: ${url} (mit „regiokit web“)`,
  demoDone: (seconds: string) => `Fertig in ${seconds} s.`,
  summaryRegions: 'Regionen',
  summaryRecords: 'Datensätze',
  summarySubscribers: 'Abonnenten',
  summaryActive: 'aktiv mit Einwilligung',
  summaryCampaign: 'Kampagne',
  summaryMails: 'Mails im Ausgang',
  demoTimeout: (id: string) => `Die Kampagne ${id} ist nicht rechtzeitig fertig geworden.`,
};

export type DemoMessages = typeof DEMO_DE;

export const DEMO_EN: DemoMessages = {
  demoDescription:
    'Shows everything once: reference regions, example subscribers, newsletter and press release, sending with progress.',
  demoSubscribersOption: 'number of example subscribers (default: 2000)',
  demoExamples: ['regiokit demo', 'regiokit demo --subscribers 50'],
  demoStep: (n, total, text) => `[${n}/${total}] ${text}`,
  demoRedis: (url) => `Redis: ${url}`,
  demoRedisStarted: (url) => `No Redis listened on 127.0.0.1:6379; started our own redis-server: ${url}`,
  demoRedisMissing:
    'No Redis is reachable and there is no redis-server: install Redis (Debian/Ubuntu: "sudo apt-get install redis-server", macOS: "brew install redis") or set REDIS_URL.',
  demoDatabase: (where) => `Database: ${where}`,
  demoImport: 'Import the reference regions',
  demoSubscribers: (count) => `Create ${count} example subscribers (example.org) with consent`,
  demoRender: 'Render the KielRegion newsletter and the Thüringer Bogen press release (with embargo)',
  demoSchedule: 'Schedule the newsletter ten seconds ahead',
  demoSend: 'Start a worker and send',
  demoSummary: 'Summary',
  demoOutbox: (dir) => `Outbox (one .eml file per mail): ${dir}`,
  demoPreviews: (dir) => `Previews: ${dir}`,
  demoArchive: (url) => `Archive: ${url} (with "regiokit web")`,
  demoDone: (seconds) => `Done in ${seconds} s.`,
  summaryRegions: 'Regions',
  summaryRecords: 'records',
  summarySubscribers: 'Subscribers',
  summaryActive: 'active with consent',
  summaryCampaign: 'Campaign',
  summaryMails: 'Mails in the outbox',
  demoTimeout: (id) => `Campaign ${id} did not finish in time.`,
};
