import type { Readable } from 'node:stream';
import { type CsvRecord, CsvRecordParser } from './csv-parser';
import { StoreError } from './store-error';

export type { CsvRecord } from './csv-parser';

/** CSV input: the text itself, its bytes, or a stream of chunks (a file stream, an upload). */
export type CsvSource = string | Uint8Array | Readable | AsyncIterable<string | Uint8Array>;

/** Field separators recognised; `auto` picks the most frequent one in the header line. */
export type CsvDelimiter = ',' | ';' | '\t' | 'auto';

/**
 * Streams the records of a CSV source: decodes strictly (invalid bytes are an error, not
 * replacement characters), detects the delimiter, trims fields and skips empty lines
 * ({@link CsvRecordParser}). Parse errors name the line.
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
  const parser = new CsvRecordParser(delimiter);
  let records: CsvRecord[] = [];
  const emit = (record: CsvRecord) => {
    records.push(record);
  };
  const parsed = function* () {
    const out = records;
    records = [];
    yield* out;
  };
  parser.push(headText, false, emit);
  yield* parsed();
  if (!first.done) {
    for await (const chunk of { [Symbol.asyncIterator]: () => text }) {
      parser.push(chunk, false, emit);
      yield* parsed();
    }
  }
  parser.push('', true, emit);
  yield* parsed();
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
