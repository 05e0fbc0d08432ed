#!/usr/bin/env node
// Fails when a publishable package changed since main without a changeset that releases it.
// The base is $CHANGESET_BASE, else origin/main, else main (a fresh clone of the local main has
// only one of them); on main itself nothing changed since the base, so the check passes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const exists = (ref) => {
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
};

const base = [process.env.CHANGESET_BASE, 'origin/main', 'main'].find((ref) => ref && exists(ref));
if (base === undefined) {
  console.log('changesets: neither origin/main nor main exists here; nothing to compare with, check skipped');
  process.exit(0);
}

const config = JSON.parse(readFileSync('.changeset/config.json', 'utf8'));
const publishable = new Map();
for (const dir of readdirSync('packages')) {
  const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
  if (manifest.private || config.ignore.includes(manifest.name)) continue;
  publishable.set(`packages/${dir}/`, manifest.name);
}

// Tests and benchmarks are not published; everything else in a package is.
const unpublished = /(\.test\.ts$|\/test\/|\/bench\/)/;
const changed = new Set();
for (const file of git('diff', '--name-only', `${base}...HEAD`).split('\n')) {
  if (file === '' || unpublished.test(file)) continue;
  for (const [dir, name] of publishable) if (file.startsWith(dir)) changed.add(name);
}

// changeset writes --output relative to the repository
const file = 'node_modules/.changeset-status.json';
let released;
try {
  // changeset's own check: fails when packages changed and no changeset was added at all
  execFileSync('pnpm', ['exec', 'changeset', 'status', `--since=${base}`, `--output=${file}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  released = new Set(JSON.parse(readFileSync(file, 'utf8')).releases.map((release) => release.name));
} catch (error) {
  console.error(`changesets: \`changeset status --since=${base}\` failed (${error.message.split('\n')[0]})`);
  process.exit(1);
} finally {
  rmSync(file, { force: true });
}

const missing = [...changed].filter((name) => !released.has(name)).sort();
if (missing.length > 0) {
  console.error(
    `changesets: ${missing.join(', ')} changed since ${base} without a changeset that releases it; run \`pnpm changeset\` and describe the change for the package's users`,
  );
  process.exit(1);
}
console.log(
  `changesets: since ${base}, ${changed.size === 0 ? 'no publishable package changed' : `${[...changed].sort().join(', ')} changed, each with a changeset`}`,
);
