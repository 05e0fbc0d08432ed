import { spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';

/** Counters of the SMTP sink process. */
export interface SinkCounts {
  accepted: number;
  bytes: number;
  firstAt: number;
  lastAt: number;
  /** CPU time the sink process used so far (user + system), µs. */
  cpuMicros: number;
}

/** The SMTP sink running as a separate process. */
export interface SinkProcess {
  port: number;
  pid: number;
  counts(): Promise<SinkCounts>;
  reset(): Promise<SinkCounts>;
  stop(): Promise<void>;
}

/** Starts bench/smtp-sink.ts in its own Node process and waits for its port. */
export async function startSinkProcess(): Promise<SinkProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./smtp-sink.ts', import.meta.url).pathname],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: Interface = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const { port } = JSON.parse(await next()) as { port: number };
  const ask = async (command: string) => {
    const reply = next();
    child.stdin.write(`${command}\n`);
    return JSON.parse(await reply) as SinkCounts;
  };
  return {
    port,
    pid: child.pid ?? 0,
    counts: () => ask('count'),
    reset: () => ask('reset'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
