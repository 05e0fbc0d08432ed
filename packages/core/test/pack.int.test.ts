import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Newest modification time of the files under `dir`, in ms. */
function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
}

/** Builds unless dist/ and schemas/ exist and are newer than every source and script. */
function buildIfNeeded(): void {
  const built = join(packageDir, 'dist', 'index.js');
  const schemas = join(packageDir, 'schemas', 'region.schema.json');
  if (existsSync(built) && existsSync(schemas)) {
    const sources = Math.max(newestMtime(join(packageDir, 'src')), newestMtime(join(packageDir, 'scripts')));
    if (statSync(built).mtimeMs > sources && statSync(schemas).mtimeMs > sources) return;
  }
  run('pnpm', ['run', 'build'], packageDir);
}

describe('the packed package', () => {
  let dir = '';
  let tarball = '';
  let app = '';

  beforeAll(() => {
    buildIfNeeded();
    dir = mkdtempSync(join(tmpdir(), 'regiokit-core-pack-'));
    run('pnpm', ['pack', '--pack-destination', dir], packageDir);
    const name = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (name === undefined) throw new Error(`pnpm pack wrote no tarball to ${dir}`);
    tarball = join(dir, name);
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'pack-check',
        private: true,
        dependencies: { '@regiokit/core': `file:${tarball}` },
      }),
    );
    // Outside the workspace: installs the tarball and its zod dependency from the store when it can.
    run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=silent'], app);
  }, 240_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('contains the builds, the JSON Schemas and the README, but no tests', () => {
    const files = run('tar', ['-tzf', tarball], dir).split('\n');
    for (const f of [
      'package/dist/index.js',
      'package/dist/index.cjs',
      'package/dist/index.d.ts',
      'package/dist/index.d.cts',
      'package/dist/examples/index.js',
      'package/dist/examples/index.cjs',
      'package/schemas/region.schema.json',
      'package/schemas/press-release.schema.json',
      'package/README.md',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], dir)) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies.zod).toMatch(/^\^?4\./);
  });

  it('works with import', () => {
    writeFileSync(
      join(app, 'check.mjs'),
      `import { allocateCents, Region, validate, formatFieldErrors, DomainError } from '@regiokit/core';
import { EXAMPLE_REGIONS, KOOPERATION_IM_OSTSEERAUM } from '@regiokit/core/examples';
import schema from '@regiokit/core/schemas/region.schema.json' with { type: 'json' };
const bad = validate(Region, { ...EXAMPLE_REGIONS[0].region, members: [{ ...EXAMPLE_REGIONS[0].region.members[0], officialKey: '1002' }] });
console.log(JSON.stringify({
  split: allocateCents(100, [1, 1, 1]),
  regions: EXAMPLE_REGIONS.map((b) => b.region.id),
  measures: KOOPERATION_IM_OSTSEERAUM.measures.length,
  error: formatFieldErrors(bad.errors),
  domainError: typeof DomainError,
  schemaTitle: schema.title,
}));
`,
    );
    expect(JSON.parse(run('node', ['check.mjs'], app))).toEqual({
      split: [34, 33, 33],
      regions: ['kielregion', 'thueringer-bogen', 'nordthueringen', 'region-landshut'],
      measures: 4,
      error: 'members[0].officialKey: expected 5 or 8 digits, got "1002"',
      domainError: 'function',
      schemaTitle: 'region',
    });
  });

  it('works with require', () => {
    writeFileSync(
      join(app, 'check.cjs'),
      `const { allocateCents, transitionProject, DomainError } = require('@regiokit/core');
const { THUERINGER_BOGEN } = require('@regiokit/core/examples');
const schema = require('@regiokit/core/schemas/project.schema.json');
const project = THUERINGER_BOGEN.projects.find((p) => p.id === 'coworking-testspaces');
let code;
try { transitionProject(project, 'approved', { decisions: [], bodies: THUERINGER_BOGEN.bodies, now: new Date() }); }
catch (e) { code = e instanceof DomainError ? e.code : String(e); }
console.log(JSON.stringify({ split: allocateCents(-100, [1, 1, 1]), code, schemaTitle: schema.title }));
`,
    );
    expect(JSON.parse(run('node', ['check.cjs'], app))).toEqual({
      split: [-34, -33, -33],
      code: 'ILLEGAL_TRANSITION',
      schemaTitle: 'project',
    });
  });

  it('ships types that TypeScript users resolve', () => {
    const types = readFileSync(join(app, 'node_modules', '@regiokit', 'core', 'dist', 'index.d.ts'), 'utf8');
    expect(types).toContain('transitionProject');
    expect(types).toContain('composeDigest');
  });
});
