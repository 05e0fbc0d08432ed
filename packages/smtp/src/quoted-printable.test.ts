import { describe, expect, it } from 'vitest';
import {
  canonicalizeBodyRelaxed,
  decodeQuotedPrintable,
  encodeQuotedPrintableChunk,
} from './quoted-printable';

const samples = [
  'Grüße aus Kiel',
  'a'.repeat(200),
  'ä'.repeat(100),
  'trailing space \nnext line\t\n',
  '.starts with a dot\n.and again',
  'several   spaces\tand\t\ttabs',
  '= equals = signs =',
  `${'x'.repeat(74)} ${'y'.repeat(10)}`,
  `${'x'.repeat(75)}.`,
  'line\r\nwindows\r\n',
  '.Punkt',
  'Jörg',
  'https://news.example/u/abc?x=1',
  `https://news.example/u/${'A'.repeat(150)}`,
  `.${'x'.repeat(200)}`,
  `${'x'.repeat(75)}.${'y'.repeat(100)}`,
  `${'x'.repeat(75)}..${'y'.repeat(71)}.z`,
  'ends with space ',
  'a',
  '',
];

describe('encodeQuotedPrintableChunk', () => {
  it.each(samples)('round-trips %j', (text) => {
    expect(decodeQuotedPrintable(encodeQuotedPrintableChunk(text))).toBe(text.replace(/\r\n/g, '\n'));
  });

  it.each(
    samples.filter((s) => s !== ''),
  )('ends at a line boundary and keeps the line rules for %j', (text) => {
    const encoded = encodeQuotedPrintableChunk(text);
    expect(encoded.endsWith('\r\n')).toBe(true);
    for (const line of encoded.slice(0, -2).split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).not.toMatch(/^\./);
      expect(line).not.toMatch(/[ \t]$/);
    }
  });

  it('keeps the line rules for long runs without spaces, wherever a dot falls', () => {
    for (let length = 70; length < 240; length++) {
      for (const dotAt of [0, 74, 75, 76, 146, 147, 148, 149]) {
        const text = Array.from({ length }, (_, i) => (i === dotAt || i % 37 === 5 ? '.' : 'k')).join('');
        const encoded = encodeQuotedPrintableChunk(text);
        expect(decodeQuotedPrintable(encoded)).toBe(text);
        for (const line of encoded.slice(0, -2).split('\r\n')) {
          expect(line.length).toBeLessThanOrEqual(76);
          expect(line).not.toMatch(/^\./);
        }
      }
    }
  });

  it('concatenates chunks into the concatenated text', () => {
    const parts = ['Hallo ', 'Jörg', ',\nschön, dass ', '', 'du dabei bist. '];
    const encoded = parts.map(encodeQuotedPrintableChunk).join('');
    expect(decodeQuotedPrintable(encoded)).toBe(parts.join(''));
  });
});

describe('canonicalizeBodyRelaxed', () => {
  it.each([
    ['a  b\tc\r\n', 'a b c\r\n'],
    ['plain line=\r\n', 'plain line=\r\n'],
    ['\t\tindent\r\n', ' indent\r\n'],
  ])('%j → %j', (input, output) => {
    expect(canonicalizeBodyRelaxed(input)).toBe(output);
  });
});
