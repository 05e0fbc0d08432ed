import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The CLI and the workspace packages it loads at run time, with the file their build writes. */
const BUILT = [
  ['apps/cli', 'dist/main.js'],
  ['packages/core', 'dist/index.js'],
  ['packages/app-config', 'dist/index.js'],
  ['packages/content', 'dist/index.js'],
  ['packages/store', 'dist/index.js'],
  ['packages/campaigns', 'dist/index.js'],
  ['packages/campaigns', 'dist/worker.js'],
  ['apps/web', 'dist/index.js'],
] as const;

function newestSource(dir: string): number {
  let newest = 0;
  const visit = (path: string) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) return;
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!path.endsWith('.test.ts')) newest = Math.max(newest, info.mtimeMs);
  };
  for (const part of ['src', 'drizzle', 'package.json', 'tsup.config.ts']) visit(join(dir, part));
  return newest;
}

function isStale(): string | undefined {
  for (const [dir, output] of BUILT) {
    const built = statSync(join(ROOT, dir, output), { throwIfNoEntry: false });
    if (built === undefined) return `${dir}/${output} is missing`;
    if (newestSource(join(ROOT, dir)) > built.mtimeMs) return `${dir} changed since its build`;
  }
  return undefined;
}

function run(command: string, args: readonly string[], cwd: string): { ok: boolean; output: string } {
  try {
    execFileSync(command, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${(stdout ?? '').slice(-3000)}\n${(stderr ?? '').slice(-3000)}` };
  }
}

/**
 * The integration tests run the built `regiokit` binary, so it and the packages it loads must be
 * built from the current sources: when a build is missing or older than its sources, build them
 * (turbo builds the dependencies first and reuses what did not change). A dependency whose type
 * declarations fail to build while its JavaScript was written is good enough to run the binary;
 * the CLI itself must build.
 */
export default function setup(): void {
  const reason = isStale();
  if (reason === undefined) return;
  console.log(`building the CLI and its packages (${reason})`);
  const all = run(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@regiokit/cli...', '--output-logs=errors-only'],
    ROOT,
  );
  if (all.ok) return;
  const missing = BUILT.filter(
    ([dir, output]) => statSync(join(ROOT, dir, output), { throwIfNoEntry: false }) === undefined,
  );
  const cli = run('pnpm', ['--filter', '@regiokit/cli', 'build'], ROOT);
  if (!cli.ok || missing.some(([dir]) => dir !== 'apps/cli')) {
    throw new Error(`building the CLI failed:\n${all.output}\n${cli.output}`);
  }
  console.warn(
    `a dependency did not build completely; testing with its last JavaScript build:\n${all.output}`,
  );
}
