import { describe, expect, it } from 'vitest';
import { parseRecordFile } from './parse-record-file';

const RELEASE_FIELDS = `id: pm-7-2026
regionId: thueringer-bogen
number: { seq: 7, year: 2026 }
dateline:
  place: Gotha
  date: 2026-03-10
headline: Azubi-Speed-Dating im Thüringer Bogen
lead: Über 400 Schülerinnen und Schüler treffen 55 Unternehmen.
boilerplate:
  title: Über den Thüringer Bogen
  text: Das Regionalmanagement der Landkreise Gotha und Ilm-Kreis.
contact:
  name: Erika Musterfrau
`;

describe('parseRecordFile', () => {
  it('reads a YAML record and applies core defaults', () => {
    const file = parseRecordFile('pm.yaml', `record: press-release\n${RELEASE_FIELDS}body: Text.\n`);
    expect(file.problems).toEqual([]);
    expect(file.records).toHaveLength(1);
    expect(file.records[0]?.kind).toBe('press-release');
    expect(file.records[0]?.data).toMatchObject({
      id: 'pm-7-2026',
      language: 'de',
      quotes: [],
      body: 'Text.',
    });
  });

  it.each([
    ['a wrong date', 'date: 2026-03-10', 'date: 2026-13-10', 7, 'dateline.date', /ISO date/],
    ['a missing field', 'headline: Azubi-Speed-Dating im Thüringer Bogen\n', '', 1, 'headline', /missing/],
    [
      'a missing nested field',
      '  text: Das Regionalmanagement der Landkreise Gotha und Ilm-Kreis.\n',
      '',
      11,
      'boilerplate.text',
      /missing/,
    ],
    ['a number for a text', 'name: Erika Musterfrau', 'name: 42', 14, 'contact.name', /string/],
  ])('names file, line and field for %s', (_label, from, to, line, field, message) => {
    const text = `record: press-release\n${RELEASE_FIELDS.replace(from, to)}body: Text.\n`;
    const file = parseRecordFile('pm.yaml', text);
    expect(file.records).toEqual([]);
    expect(file.problems).toContainEqual(expect.objectContaining({ file: 'pm.yaml', line, field }));
    expect(file.problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('reports broken YAML with its line and keeps every record of the file out', () => {
    const text =
      'record: topic\nid: marke\nregionId: thueringer-bogen\nname: Marke\n---\nrecord: topic\nid: [unclosed\nname: x\n';
    const file = parseRecordFile('topics.yaml', text);
    expect(file.records).toEqual([]);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(file.problems[0]?.line).toBeGreaterThanOrEqual(7);
  });

  it.each([
    ['a misspelt top-level key', 'lead:', 'laed:', 9, 'laed', 'unknown field; did you mean lead?'],
    [
      'a misspelt nested key',
      '  name: Erika',
      '  nmae: Erika',
      14,
      'contact.nmae',
      'unknown field; did you mean name?',
    ],
    ['a key without a near name', 'headline:', 'colour: red\nheadline:', 8, 'colour', 'unknown field'],
  ])('refuses %s with file, line and a suggestion', (_label, from, to, line, field, message) => {
    const text = `record: press-release\n${RELEASE_FIELDS.replace(from, to)}body: Text.\n`;
    const file = parseRecordFile('pm.yaml', text);
    expect(file.records).toEqual([]);
    expect(file.problems).toContainEqual({ file: 'pm.yaml', line, field, message });
  });

  it('refuses a project’s fieldsOfAction and suggests fieldOfActionIds', () => {
    const text = 'record: project\nid: p1\nregionId: r\ntitle: T\nfieldsOfAction: [tourism]\n';
    const file = parseRecordFile('projects/p1.yaml', text);
    expect(file.problems.map((p) => `${p.field}: ${p.message}`)).toContain(
      'fieldsOfAction: unknown field; did you mean fieldOfActionIds?',
    );
    expect(file.records).toEqual([]);
  });

  it('reads several documents of one file', () => {
    const text = ['marke', 'fachkraefte']
      .map((id) => `record: topic\nid: ${id}\nregionId: thueringer-bogen\nname: ${id}\n`)
      .join('---\n');
    const file = parseRecordFile('topics.yaml', text);
    expect(file.problems).toEqual([]);
    expect(file.records.map((r) => r.data.id)).toEqual(['marke', 'fachkraefte']);
  });

  it('rejects a duplicate key with its line', () => {
    const file = parseRecordFile('t.yaml', 'record: topic\nid: a\nid: b\nregionId: r\nname: n\n');
    expect(file.problems[0]).toMatchObject({ line: 3 });
  });

  it('takes the kind from the folder and the region from the caller', () => {
    const file = parseRecordFile('topics/marke.yaml', 'id: marke\nname: Marke\n', {
      folderKind: 'topic',
      defaultRegionId: 'thueringer-bogen',
    });
    expect(file.problems).toEqual([]);
    expect(file.records[0]?.data).toMatchObject({ regionId: 'thueringer-bogen' });
  });

  it('asks for the kind when neither the file nor the folder names it', () => {
    const file = parseRecordFile('x.yaml', 'id: marke\nname: Marke\n');
    expect(file.problems[0]).toMatchObject({ line: 1, field: '' });
    expect(file.problems[0]?.message).toMatch(/record: <kind>/);
  });

  it('rejects an unknown kind at its line', () => {
    const file = parseRecordFile('x.yaml', 'id: marke\nrecord: pressemitteilung\n');
    expect(file.problems[0]).toMatchObject({ line: 2, field: 'record' });
  });

  describe('Markdown with front matter', () => {
    const markdown = (body: string, extra = '') =>
      `---\nrecord: press-release\n${RELEASE_FIELDS}${extra}---\n\n${body}`;

    it('puts the text into the kind’s main field', () => {
      const file = parseRecordFile('pm.md', markdown('Erster Absatz.\n\nZweiter Absatz.\n'));
      expect(file.problems).toEqual([]);
      expect(file.records[0]?.data.body).toBe('Erster Absatz.\n\nZweiter Absatz.');
    });

    it('gives the file line of a front-matter field', () => {
      const file = parseRecordFile(
        'pm.md',
        markdown('Text.', '').replace('date: 2026-03-10', 'date: 10.03.2026'),
      );
      expect(file.problems).toEqual([expect.objectContaining({ line: 8, field: 'dateline.date' })]);
    });

    it('points at the body when the text is missing', () => {
      const file = parseRecordFile('pm.md', markdown(''));
      expect(file.problems).toEqual([expect.objectContaining({ field: 'body', line: 18 })]);
    });

    it('refuses the field in both places', () => {
      const file = parseRecordFile('pm.md', markdown('Text.', 'body: Auch hier.\n'));
      expect(file.problems).toEqual([expect.objectContaining({ field: 'body', line: 16 })]);
    });

    it('requires front matter', () => {
      const file = parseRecordFile('pm.md', '# Nur Text\n');
      expect(file.problems).toEqual([expect.objectContaining({ line: 1 })]);
    });

    it('fills a newsletter’s editorial text', () => {
      const text = `---
record: newsletter-issue
id: ausgabe-1
regionId: kielregion
date: 2026-11-21
subject: Neues aus der KielRegion
editorial:
  author: Erika Musterfrau
sections:
  - heading: Meldungen
    items:
      - kind: article
        title: Titel
        text: Text
---
Liebe Leserinnen und Leser,
`;
      const file = parseRecordFile('n.md', text);
      expect(file.problems).toEqual([]);
      expect(file.records[0]?.data).toMatchObject({
        editorial: { author: 'Erika Musterfrau', text: 'Liebe Leserinnen und Leser,' },
      });
    });
  });
});
