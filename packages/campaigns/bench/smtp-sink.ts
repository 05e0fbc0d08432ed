// A local SMTP sink for the benchmark, run as its own process. It accepts everything, counts
// messages, and answers `count` / `reset` on stdin lines with a JSON line on stdout.
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
let bytes = 0;
let firstAt = 0;
let lastAt = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 100,
  size: 50 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      accepted++;
      lastAt = Date.now();
      if (firstAt === 0) firstAt = lastAt;
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    accepted = 0;
    bytes = 0;
    firstAt = 0;
    lastAt = 0;
  }
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ accepted, bytes, firstAt, lastAt, cpuMicros: cpu.user + cpu.system })}\n`,
  );
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
