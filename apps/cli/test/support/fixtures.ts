import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliSandbox } from './cli';

/** Imports the example regions into a sandbox (via `init --examples` and `import`). */
export async function importExamples(sandbox: CliSandbox): Promise<void> {
  const init = await sandbox.json<{ examples: { dir: string } }>(['init', '--examples']);
  const run = await sandbox.run(['import', init.body.examples.dir]);
  if (run.code !== 0) throw new Error(`import failed:\n${run.stderr}`);
}

/** Writes a CSV of `count` subscribers with consent evidence and imports it into KielRegion's newsletter. */
export async function importSubscribers(
  sandbox: CliSandbox,
  count: number,
  prefix = 'abo',
): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}@example.org`);
  const csv = [
    'email,first_name,last_name,requested_at,confirmed_at,consent_text_version',
    ...emails.map((e, i) => `${e},Erika,Muster${i},2026-01-05T10:00:00Z,2026-01-05T10:10:00Z,test-v1`),
  ].join('\n');
  const file = join(sandbox.dataDir, `${prefix}.csv`);
  await writeFile(file, `${csv}\n`);
  await writeFile(join(sandbox.dataDir, 'consent.txt'), 'Ja, ich möchte den Newsletter erhalten. (Testtext)');
  const run = await sandbox.run([
    'subscribers',
    'import',
    file,
    '--list',
    'newsletter',
    '--region',
    'kielregion',
    '--consent-version',
    'test-v1',
    '--consent-text',
    join(sandbox.dataDir, 'consent.txt'),
  ]);
  if (run.code !== 0) throw new Error(`subscriber import failed:\n${run.stdout}\n${run.stderr}`);
  return emails;
}
