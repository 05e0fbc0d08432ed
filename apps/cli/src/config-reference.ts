/** One environment variable, for `regiokit init`'s example configuration and the README. */
export interface EnvVariable {
  readonly name: string;
  /** The value used when the variable is not set; undefined: not set means off. */
  readonly default?: string;
  /** Who reads it. */
  readonly usedBy: readonly ('cli' | 'worker' | 'web')[];
  readonly de: string;
  readonly en: string;
}

/** Every variable the CLI, the worker and the web app read. */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    name: 'REGIOKIT_DATA_DIR',
    default: './.regiokit',
    usedBy: ['cli', 'worker', 'web'],
    de: 'Datenordner: eingebettete Datenbank (PGlite), Geheimnis, Ausgang (outbox), Vorschauen',
    en: 'data folder: embedded database (PGlite), secret, outbox, previews',
  },
  {
    name: 'DATABASE_URL',
    usedBy: ['cli', 'worker', 'web'],
    de: 'PostgreSQL statt der eingebetteten Datenbank, z. B. postgres://regiokit:geheim@db:5432/regiokit',
    en: 'PostgreSQL instead of the embedded database, e.g. postgres://regiokit:secret@db:5432/regiokit',
  },
  {
    name: 'REDIS_URL',
    default: 'redis://127.0.0.1:6379',
    usedBy: ['cli', 'worker', 'web'],
    de: 'Redis 6.2+ für die Warteschlangen (maxmemory-policy noeviction, AOF an)',
    en: 'Redis 6.2+ for the queues (maxmemory-policy noeviction, AOF on)',
  },
  {
    name: 'SMTP_URL',
    usedBy: ['cli', 'worker'],
    de: 'Mailserver, z. B. smtp://benutzer:passwort@mail.example.org:587; ohne: Aufzeichnungsmodus (.eml in <Datenordner>/outbox)',
    en: 'mail server, e.g. smtp://user:password@mail.example.org:587; without: capture mode (.eml in <data folder>/outbox)',
  },
  {
    name: 'SMTP_POOL_SIZE',
    default: '4',
    usedBy: ['worker'],
    de: 'parallele SMTP-Verbindungen je Worker-Prozess',
    en: 'parallel SMTP connections per worker process',
  },
  {
    name: 'SMTP_CLIENT',
    default: 'pipelined',
    usedBy: ['worker'],
    de: 'SMTP-Client des Workers: pipelined (eigener Client, ein Roundtrip je Mail) oder nodemailer',
    en: 'SMTP client of the worker: pipelined (its own client, one round trip per mail) or nodemailer',
  },
  {
    name: 'DKIM_DOMAIN',
    usedBy: ['cli', 'worker'],
    de: 'Domain der DKIM-Signatur (d=), z. B. kielregion.de',
    en: 'domain of the DKIM signature (d=), e.g. kielregion.de',
  },
  {
    name: 'DKIM_SELECTOR',
    usedBy: ['cli', 'worker'],
    de: 'DKIM-Selektor (s=), z. B. regiokit2026',
    en: 'DKIM selector (s=), e.g. regiokit2026',
  },
  {
    name: 'DKIM_PRIVATE_KEY_FILE',
    usedBy: ['cli', 'worker'],
    de: 'privater DKIM-Schlüssel als PEM-Datei (RSA ab 2048 Bit oder Ed25519)',
    en: 'private DKIM key as a PEM file (RSA of 2048 bits or more, or Ed25519)',
  },
  {
    name: 'DKIM_PRIVATE_KEY',
    usedBy: ['cli', 'worker'],
    de: 'privater DKIM-Schlüssel als PEM-Text (Zeilenumbrüche als \\n), statt DKIM_PRIVATE_KEY_FILE',
    en: 'private DKIM key as PEM text (line breaks as \\n), instead of DKIM_PRIVATE_KEY_FILE',
  },
  {
    name: 'PUBLIC_URL',
    default: 'http://localhost:3000',
    usedBy: ['cli', 'worker', 'web'],
    de: 'öffentliche Adresse der Web-App; Links in Mails (Abmelden, Einstellungen, Webversion) zeigen dorthin',
    en: 'public address of the web app; links in mails (unsubscribe, preferences, web version) point there',
  },
  {
    name: 'REGIOKIT_SECRET',
    usedBy: ['cli', 'worker', 'web'],
    de: 'Schlüssel für signierte Links (mind. 32 Zeichen); ohne: <Datenordner>/secret, beim ersten Start erzeugt',
    en: 'key of signed links (at least 32 characters); without: <data folder>/secret, created on first start',
  },
  {
    name: 'SEND_RATE',
    default: '100',
    usedBy: ['worker'],
    de: 'Mails pro Sekunde je Mailserver, über alle Worker-Prozesse gemeinsam',
    en: 'mails per second per mail server, shared by all worker processes',
  },
  {
    name: 'CONCURRENCY',
    default: '2',
    usedBy: ['worker'],
    de: 'gleichzeitig bearbeitete Versandpakete je Worker-Prozess',
    en: 'send batches processed at once per worker process',
  },
  {
    name: 'BATCH_SIZE',
    default: '500',
    usedBy: ['worker'],
    de: 'Empfänger je Versandpaket',
    en: 'recipients per send batch',
  },
  {
    name: 'MAX_LATENESS',
    default: '6h',
    usedBy: ['worker'],
    de: 'so spät darf ein verpasster Termin noch gesendet werden; danach gilt er als verpasst',
    en: 'how late a missed schedule may still be sent; after that it is marked missed',
  },
  {
    name: 'SHUTDOWN_DEADLINE',
    default: '30s',
    usedBy: ['worker'],
    de: 'Frist für das geordnete Beenden nach SIGTERM',
    en: 'deadline for a graceful shutdown after SIGTERM',
  },
  {
    name: 'METRICS_PORT',
    default: '9464',
    usedBy: ['worker'],
    de: 'Port für /healthz, /readyz und /metrics des Workers (0: aus)',
    en: 'port of the worker’s /healthz, /readyz and /metrics (0: off)',
  },
  {
    name: 'PORT',
    default: '3000',
    usedBy: ['web'],
    de: 'Port der Web-App',
    en: 'port of the web app',
  },
  {
    name: 'TRUST_PROXY',
    default: '0',
    usedBy: ['web'],
    de: 'Zahl der Reverse-Proxys vor der Web-App, die X-Forwarded-For setzen',
    en: 'number of reverse proxies in front of the web app that set X-Forwarded-For',
  },
  {
    name: 'QUEUE_PREFIX',
    default: 'regiokit',
    usedBy: ['cli', 'worker', 'web'],
    de: 'Präfix der Redis-Schlüssel (mehrere Installationen auf einem Redis)',
    en: 'prefix of the Redis keys (several installations on one Redis)',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    usedBy: ['worker', 'web'],
    de: 'Protokollstufe: fatal, error, warn, info, debug, trace, silent',
    en: 'log level: fatal, error, warn, info, debug, trace, silent',
  },
  {
    name: 'LANG',
    usedBy: ['cli'],
    de: 'en… schaltet die Ausgaben der CLI auf Englisch (--lang hat Vorrang)',
    en: 'en… switches the CLI’s output to English (--lang wins)',
  },
  {
    name: 'BROWSER',
    usedBy: ['cli'],
    de: 'Programm, mit dem „preview --open“ die Vorschau öffnet',
    en: 'program that "preview --open" opens the preview with',
  },
];

/** The example configuration `regiokit init` writes: every variable, commented out, with its default. */
export function formatExampleConfig(language: 'de' | 'en'): string {
  const head =
    language === 'de'
      ? [
          '# regiokit: Beispielkonfiguration. Werte einkommentieren und anpassen, dann laden mit',
          '#   set -a; . ./.regiokit/regiokit.env; set +a',
          '# Ohne Angaben läuft alles lokal: eingebettete Datenbank, Redis auf 127.0.0.1:6379, Mails als .eml-Dateien.',
        ]
      : [
          '# regiokit: example configuration. Uncomment and adjust values, then load it with',
          '#   set -a; . ./.regiokit/regiokit.env; set +a',
          '# With nothing set everything runs locally: embedded database, Redis on 127.0.0.1:6379, mails as .eml files.',
        ];
  const lines = ENV_VARIABLES.filter((v) => v.name !== 'LANG' && v.name !== 'BROWSER').flatMap((v) => [
    '',
    `# ${language === 'de' ? v.de : v.en}`,
    `# ${v.name}=${v.default ?? ''}`,
  ]);
  return `${[...head, ...lines].join('\n')}\n`;
}
