import Table from 'cli-table3';

/** Where a command writes: results to stdout, messages and errors to stderr. */
export interface Output {
  /** A line of the result (stdout). */
  print(text?: string): void;
  /** A message about what happens (stderr, so that stdout stays the result). */
  note(text: string): void;
  /** A JSON document on stdout. */
  json(value: unknown): void;
  /** A table on stdout; `numeric[i]` right-aligns column i. */
  table(head: readonly string[], rows: readonly (readonly string[])[], numeric?: readonly boolean[]): void;
  /** The raw streams, for progress bars. */
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Renders rows as a text table (no colours, so it reads the same in a file or a pipe). */
export function renderTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (numeric[i] ? 'right' : 'left')),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

/** Builds an {@link Output} on two streams. */
export function createOutput(stdout: Output['stdout'], stderr: Output['stderr']): Output {
  return {
    stdout,
    stderr,
    print: (text = '') => stdout.write(`${text}\n`),
    note: (text) => stderr.write(`${text}\n`),
    json: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    table: (head, rows, numeric) => stdout.write(`${renderTable(head, rows, numeric)}\n`),
  };
}
