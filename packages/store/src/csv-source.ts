import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { StoreError } from './store-error';

/** CSV input: the text itself, its bytes, or a stream of chunks (a file stream, an upload). */
export type CsvSource = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

/** Field separators recognised; `auto` picks the most frequent one in the header line. */
export type CsvDelimiter = ',' | ';' | '\t' | 'auto';

/** One parsed record with the line it ends on (line 1 is the header). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Streams the records of a CSV source: decodes strictly (invalid bytes are an error, not
 * replacement characters), detects the delimiter, trims fields and skips empty lines. Parse
 * errors name the line.
 */
export async function* readCsvRecords(
  source: CsvSource,
  options: { delimiter: CsvDelimiter; encoding: 'utf-8' | 'windows-1252' },
): AsyncGenerator<CsvRecord> {
  const text = decodeText(source, options.encoding);
  const head: string[] = [];
  let first = await text.next();
  while (!first.done) {
    head.push(first.value);
    if (first.value.includes('\n')) break;
    first = await text.next();
  }
  const headText = head.join('').replace(/^\uFEFF/, '');
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(headText) : options.delimiter;
  const parser = parse({
    delimiter,
    trim: true,
    skip_empty_lines: true,
    // Reads the line from the parser's context instead of `info: true`, which copies it per record.
    on_record: (fields: string[], context: { lines: number }) => ({ fields, line: context.lines }) as never,
  });
  const feeding = (async () => {
    try {
      if (!parser.write(headText)) await once(parser, 'drain');
      if (!first.done) {
        for await (const chunk of { [Symbol.asyncIterator]: () => text }) {
          if (!parser.write(chunk)) await once(parser, 'drain');
        }
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if (error instanceof CsvError)
      throw new StoreError('INVALID_INPUT', `CSV: ${error.message}`, { cause: error });
    throw error;
  } finally {
    parser.destroy();
    await feeding;
  }
}

async function* decodeText(source: CsvSource, encoding: 'utf-8' | 'windows-1252'): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const chunks: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array> =
    source instanceof Uint8Array ? [source] : source;
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        yield chunk;
        continue;
      }
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new StoreError(
      'INVALID_INPUT',
      `the file is not valid ${encoding}; save it as "CSV UTF-8" or import it with encoding "windows-1252"`,
      { cause: error },
    );
  }
}

function detectDelimiter(text: string): ',' | ';' | '\t' {
  const line = text.split('\n', 1)[0] ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
