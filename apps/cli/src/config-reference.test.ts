import { readFileSync } from 'node:fs';
import { WorkerEnv } from '@regiokit/campaigns/worker';
import { WebEnv } from '@regiokit/web';
import { describe, expect, it } from 'vitest';
import { CliEnv } from './config';
import { ENV_VARIABLES, formatExampleConfig } from './config-reference';

const documented = new Set(ENV_VARIABLES.map((v) => v.name));

describe('ENV_VARIABLES', () => {
  it.each([
    ['the CLI', Object.keys(CliEnv.shape)],
    ['the worker', Object.keys(WorkerEnv.shape)],
    ['the web app', Object.keys(WebEnv.shape)],
  ])('names every variable %s reads', (_who, names) => {
    expect(names.filter((name) => !documented.has(name) && name !== 'LC_ALL')).toEqual([]);
  });

  it('is in the README’s configuration table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect([...documented].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('writes every variable into the example configuration, commented out', () => {
    const text = formatExampleConfig('de');
    for (const v of ENV_VARIABLES.filter((e) => e.name !== 'LANG' && e.name !== 'BROWSER')) {
      expect(text).toContain(`# ${v.name}=${v.default ?? ''}\n`);
    }
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([]);
  });
});
