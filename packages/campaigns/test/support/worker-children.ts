import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A worker child process started by a test. */
export interface WorkerChild {
  process: ChildProcess;
  metricsPort: number;
  exited: Promise<number | null>;
}

/** Starts test/support/worker-child.ts in its own Node process and waits until it is ready. */
export async function spawnWorkerChild(settings: Record<string, unknown>): Promise<WorkerChild> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@regiokit/source',
      '--import',
      'tsx',
      new URL('./worker-child.ts', import.meta.url).pathname,
      JSON.stringify(settings),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ metricsPort: number }>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('{"ready"')) resolve(JSON.parse(line) as { metricsPort: number });
    });
    exited.then((code) => reject(new Error(`worker child exited with ${code} before it was ready`)));
  });
  return { process: child, metricsPort: ready.metricsPort, exited };
}
