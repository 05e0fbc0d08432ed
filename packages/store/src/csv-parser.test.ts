import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvRecordParser } from './csv-parser';

type Outcome = { records: CsvRecord[] } | { error: string };

function parseWithCsvParse(text: string, delimiter: ',' | ';' | '\t'): Outcome {
  try {
    const records = parse(text, {
      delimiter,
      trim: true,
      skip_empty_lines: true,
      // The line each record ends on, as the import used to read it.
      on_record: ((fields: string[], context: { lines: number }) => ({
        fields,
        line: context.lines,
      })) as never,
    }) as unknown as CsvRecord[];
    return { records };
  } catch (error) {
    return { error: `CSV: ${(error as Error).message}` };
  }
}

function parseInPieces(text: string, delimiter: ',' | ';' | '\t', pieces: number[]): Outcome {
  const parser = new CsvRecordParser(delimiter);
  const records: CsvRecord[] = [];
  try {
    let at = 0;
    for (const size of pieces) {
      if (at >= text.length) break;
      parser.push(text.slice(at, at + size), false, (r) => records.push(r));
      at += size;
    }
    parser.push(text.slice(at), true, (r) => records.push(r));
    return { records };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

// A small generator with a seed, so a failure can be reproduced.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = [
  'a',
  'b',
  'x@example.org',
  'Müller',
  '😀',
  ',',
  ';',
  '\t',
  ' ',
  '  ',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '\f',
  '\u00a0',
  '\uFEFF',
  '\u0000',
];

function generate(next: () => number, delimiter: string): string {
  const parts: string[] = [];
  const size = 1 + Math.floor(next() * 40);
  for (let i = 0; i < size; i++) {
    const roll = next();
    // Mostly well-formed fields and records, sometimes anything.
    if (roll < 0.25) parts.push(delimiter);
    else if (roll < 0.35) parts.push(next() < 0.5 ? '\n' : '\r\n');
    else if (roll < 0.5)
      parts.push(
        `"${ALPHABET[Math.floor(next() * 5)]}${next() < 0.3 ? '""' : ''}${next() < 0.2 ? delimiter : ''}"`,
      );
    else parts.push(ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '');
  }
  return parts.join('');
}

describe('CsvRecordParser', () => {
  it.each([
    ['a simple file', 'email,name\nanna@example.org,Anna\nbernd@example.org, Bernd \n'],
    ['CR LF, empty and blank lines', 'email;name\r\n\r\n  \r\na@example.org;"A\r\nB"\r\nb@example.org;x'],
    ['quotes and escaped quotes', 'a,b\n"x, ""y""", z \n "q" ,""\n'],
    ['no line break at the end', 'a\tb\nx\ty'],
    ['CR alone as the line break', 'a,b\rx,y\r'],
    ['a stray CR in a LF file', 'a,b\nx\r,y\nz,w\n'],
    ['an unclosed quote', 'a,b\nx,"y\n'],
    ['a quote inside a field', 'a,b\nx"y,z\n'],
    ['text after a closing quote', 'a,b\n"x"y,z\n'],
    ['blanks then text after a closing quote', 'a,b\n"x"  y,z\n'],
    ['a quote opened again after an empty quoted field', 'a,b\n"" "x",z\n'],
    ['a character outside ASCII after a closing quote', 'a,b\n"ü"ü,z\n'],
    ['a record of another length', 'a,b\nx,y,z\n'],
    ['white space that only JavaScript trims', 'a,b\n\u00a0x\u00a0,\u2028y\u2028\n'],
    ['a byte order mark inside', 'a,b\n\uFEFF"x",y\n'],
    ['NUL after a closing quote', 'a,b\n"x"\u0000,y\n'],
    ['nothing at all', ''],
  ])('reads %s as csv-parse does', (_, text) => {
    for (const delimiter of [',', ';', '\t'] as const) {
      const expected = parseWithCsvParse(text, delimiter);
      expect(parseInPieces(text, delimiter, []), JSON.stringify(text)).toEqual(expected);
      expect(parseInPieces(text, delimiter, [1, 1, 1, 2, 3, 5, 8]), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reads thousands of generated texts as csv-parse does, whole and in pieces', () => {
    const next = random(20_261_122);
    for (let n = 0; n < 4000; n++) {
      const delimiter = ([',', ';', '\t'] as const)[n % 3]!;
      const text = generate(next, delimiter);
      const expected = parseWithCsvParse(text, delimiter);
      const pieces = Array.from({ length: 20 }, () => 1 + Math.floor(next() * 6));
      expect(parseInPieces(text, delimiter, []), JSON.stringify(text)).toEqual(expected);
      expect(parseInPieces(text, delimiter, pieces), `${JSON.stringify(text)} in ${pieces}`).toEqual(
        expected,
      );
    }
  });
});
