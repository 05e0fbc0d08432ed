/** The consent text the demo's example subscribers agreed to, and its version. */
export const DEMO_CONSENT = {
  version: 'demo-2026-01',
  text: 'Ja, ich möchte den Newsletter der KielRegion per E-Mail erhalten. Die Einwilligung kann ich jederzeit widerrufen, z. B. über den Abmeldelink in jeder Ausgabe. (Beispieltext der Demo)',
} as const;

const FIRST_NAMES = [
  ['Erika', 'frau'],
  ['Max', 'herr'],
  ['Maria', 'frau'],
  ['Moritz', 'herr'],
  ['Luise', 'frau'],
  ['Jonas', 'herr'],
  ['Alex', 'divers'],
  ['Hanna', 'frau'],
  ['Paul', 'herr'],
  ['Kim', 'none'],
] as const;
const LAST_NAMES = ['Musterfrau', 'Mustermann', 'Beispiel', 'Probe', 'Testmann', 'Demo'] as const;

/**
 * A CSV of `count` clearly fake subscribers (`leser.0001@example.org`, …) with consent evidence:
 * asked and confirmed a week before `now` with the demo's consent text, topics rotating through
 * `topics`. The same count gives the same rows, so a second run updates instead of adding.
 */
export function createDemoSubscribersCsv(count: number, topics: readonly string[], now: Date): string {
  // a fixed time of day, so that a second run on the same day writes the same evidence
  const day = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const requested = `${day}T08:00:00Z`;
  const confirmed = `${day}T08:15:00Z`;
  const width = Math.max(4, String(count).length);
  const rows = [
    'email,first_name,last_name,salutation,language,topics,requested_at,confirmed_at,consent_text_version',
  ];
  for (let i = 1; i <= count; i++) {
    const [first, salutation] = FIRST_NAMES[i % FIRST_NAMES.length] ?? ['Erika', 'frau'];
    const last = LAST_NAMES[i % LAST_NAMES.length] ?? 'Musterfrau';
    const chosen =
      topics.length === 0 ? '' : [topics[i % topics.length], topics[(i + 1) % topics.length]].join('|');
    rows.push(
      [
        `leser.${String(i).padStart(width, '0')}@example.org`,
        first,
        last,
        salutation,
        i % 10 === 0 ? 'en' : 'de',
        chosen,
        requested,
        confirmed,
        DEMO_CONSENT.version,
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
