import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, parse } from 'csv-parse';
import { StoreError } from './store-error';

/** One parsed record with the line it ends on (line 1 is the header). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** CSV input: the text itself, its bytes, or a stream of chunks (a file stream, an upload). */
export type CsvSource = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

/** Field separators recognised; `auto` picks the most frequent one in the header line. */
export type CsvDelimiter = ',' | ';' | '\t' | 'auto';

/**
 * Streams the records of a CSV source: decodes strictly (invalid bytes are an error, not
 * replacement characters), detects the delimiter, and parses with csv-parse (fields trimmed, empty
 * lines skipped). Parse errors name the line.
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
  yield* parseWithCsvParse(headText, first.done ? undefined : text, delimiter);
}

/**
 * Streams the records through csv-parse (`trim`, `skip_empty_lines`); a record's line is the line
 * it ends on (`info.lines`), so a quoted field over several lines reports the record's last line.
 */
async function* parseWithCsvParse(
  headText: string,
  rest: AsyncIterator<string> | undefined,
  delimiter: ',' | ';' | '\t',
): AsyncGenerator<CsvRecord> {
  // The stream encodes each chunk as UTF-8 on its own: a surrogate pair split between two slices
  // is held back until its second half arrives.
  async function* chunks(): AsyncGenerator<string> {
    let carry = '';
    const whole = (text: string) => {
      const joined = carry + text;
      const last = joined.charCodeAt(joined.length - 1);
      const split = last >= 0xd800 && last <= 0xdbff;
      carry = split ? joined.slice(-1) : '';
      return split ? joined.slice(0, -1) : joined;
    };
    yield whole(headText);
    if (rest !== undefined) {
      for await (const chunk of { [Symbol.asyncIterator]: () => rest }) yield whole(chunk);
    }
    if (carry !== '') yield carry;
  }
  const parser = parse({
    delimiter,
    trim: true,
    skip_empty_lines: true,
    on_record: ((fields: string[], context: { lines: number }) => ({ fields, line: context.lines })) as never,
  });
  const fed = pipeline(Readable.from(chunks(), { objectMode: false }), parser);
  fed.catch(() => undefined);
  try {
    for await (const record of parser) yield record as CsvRecord;
    await fed;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as CsvError).code?.startsWith('CSV_')) {
      throw new StoreError('INVALID_INPUT', `CSV: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

// Text held in memory is parsed in slices of this many characters (or bytes), so that an import
// writes one batch while it parses the next instead of parsing the whole file first.
const SLICE = 64 * 1024;

function* sliceText(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += SLICE) yield text.slice(start, start + SLICE);
}

function* sliceBytes(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += SLICE) yield bytes.subarray(start, start + SLICE);
}

async function* decodeText(source: CsvSource, encoding: 'utf-8' | 'windows-1252'): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield* sliceText(source);
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const chunks: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array> =
    source instanceof Uint8Array ? sliceBytes(source) : source;
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
