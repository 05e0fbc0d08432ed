import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsvRecords } from './csv-source';

async function records(text: string | Uint8Array): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(text, { delimiter: 'auto', encoding: 'utf-8' })) out.push(record);
  return out;
}

describe('readCsvRecords', () => {
  it('numbers records by the line they end on, across empty lines and quoted line breaks', async () => {
    const text = 'email;name\r\na@example.org;"Anna\nAlt"\r\n\r\n  \r\nb@example.org; Bernd \r\n';
    expect(await records(text)).toEqual([
      { fields: ['email', 'name'], line: 1 },
      { fields: ['a@example.org', 'Anna\nAlt'], line: 3 },
      { fields: ['b@example.org', 'Bernd'], line: 6 },
    ]);
  });

  it('reads a large text in slices without losing lines or splitting characters', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `user${i}@example.org,Name ${i}`);
    const head = 'email,name\n';
    // A character outside the BMP (two UTF-16 units) right across the first slice boundary.
    const pad = 'x'.repeat(64 * 1024 - head.length - 'pad@example.org,'.length - 1);
    const text = `${head}pad@example.org,${pad}😀\n${filler.join('\n')}\n"quoted@example.org","multi\nline"\nlast@example.org,Last\n`;
    for (const source of [text, new TextEncoder().encode(text)]) {
      const all = await records(source);
      expect(all).toHaveLength(3004);
      expect(all[1]).toEqual({ fields: ['pad@example.org', `${pad}😀`], line: 2 });
      expect(all[3001]).toEqual({ fields: ['user2999@example.org', 'Name 2999'], line: 3002 });
      expect(all[3002]).toEqual({ fields: ['quoted@example.org', 'multi\nline'], line: 3004 });
      expect(all[3003]).toEqual({ fields: ['last@example.org', 'Last'], line: 3005 });
    }
  });
});
