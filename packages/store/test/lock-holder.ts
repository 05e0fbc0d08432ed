// A separate process that takes the lock of an embedded database folder and holds it until it is
// killed, for the crash test. Usage: lock-holder.ts <lockPath> <databaseDir>; prints "locked".
import { lockDataDir } from '../src/data-dir-lock';

const [lockPath, databaseDir] = process.argv.slice(2) as [string, string];
await lockDataDir(lockPath, databaseDir);
process.stdout.write('locked\n');
setInterval(() => undefined, 60_000);
