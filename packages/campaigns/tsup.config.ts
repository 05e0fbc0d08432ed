import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/worker.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/worker.ts'] },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
