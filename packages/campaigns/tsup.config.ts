import { copyFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defineConfig } from 'tsup';

/**
 * The Redis scripts (`*.lua` next to the code that loads them) are read at run time from beside the
 * module through `import.meta.url`; the build bundles every module into `dist/`, so they are copied
 * there flat. Two scripts with the same name would overwrite each other: that fails the build.
 */
function copyLuaScripts(from: string, to: string): void {
  const seen = new Map<string, string>();
  for (const file of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.lua')) continue;
    const name = basename(file);
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`two Redis scripts named ${name}: ${other} and ${file}`);
    seen.set(name, file);
    copyFileSync(join(from, file), join(to, name));
  }
}

export default defineConfig({
  entry: ['src/index.ts', 'src/worker.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/worker.ts'] },
  clean: true,
  sourcemap: true,
  target: 'node20',
  onSuccess: async () => copyLuaScripts('src', 'dist'),
});
