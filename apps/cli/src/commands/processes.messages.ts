/** What the CLI says for `regiokit worker` and `regiokit web`, in German (default) and English. */
export const PROCESSES_DE = {
  workerDescription: 'Startet den Versandprozess (BullMQ-Worker) im Vordergrund.',
  workerExamples: [
    'regiokit worker',
    'REDIS_URL=redis://redis:6379 SMTP_URL=smtp://user:pass@mail:587 regiokit worker',
  ],
  webDescription: 'Startet die Web-App (Anmeldeseiten, Archiv, JSON-API) im Vordergrund.',
  webExamples: ['regiokit web', 'PORT=8080 PUBLIC_URL=https://newsletter.example.org regiokit web'],
  workerMissing: (what: string) => `Dieser Teil fehlt noch in apps/worker: ${what}.`,
  webMissing: (what: string) => `Dieser Teil fehlt noch in apps/web: ${what}.`,
  processStarted: (what: string) => `${what} läuft. Beenden mit Strg+C.`,
};

export type ProcessesMessages = typeof PROCESSES_DE;

export const PROCESSES_EN: ProcessesMessages = {
  workerDescription: 'Starts the sending process (BullMQ worker) in the foreground.',
  workerExamples: [
    'regiokit worker',
    'REDIS_URL=redis://redis:6379 SMTP_URL=smtp://user:pass@mail:587 regiokit worker',
  ],
  webDescription: 'Starts the web app (sign-up pages, archive, JSON API) in the foreground.',
  webExamples: ['regiokit web', 'PORT=8080 PUBLIC_URL=https://newsletter.example.org regiokit web'],
  workerMissing: (what) => `This part is still missing in apps/worker: ${what}.`,
  webMissing: (what) => `This part is still missing in apps/web: ${what}.`,
  processStarted: (what) => `${what} is running. Stop with Ctrl+C.`,
};
