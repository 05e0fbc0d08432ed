import { findUnknownKeys, formatPath } from '@regiokit/core';
import { type Document, isMap, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { type ImportKind, isImportKind, MARKDOWN_BODY_FIELD, schemaOfKind } from './record-kinds';

/** One problem in a file: where (line, field) and what. */
export interface FileProblem {
  readonly file: string;
  /** 1-based line; undefined when the problem concerns the whole file. */
  readonly line: number | undefined;
  /** Last line, when the problem spans several (broken YAML). */
  readonly endLine?: number;
  /** The field in dotted notation, `dateline.date`; empty for the whole record. */
  readonly field: string;
  readonly message: string;
}

/** A record read from a file and validated by its core schema. */
export interface ParsedRecord {
  readonly kind: ImportKind;
  /** The record as parsed by core (defaults applied). */
  readonly data: { id: string; regionId?: string } & Record<string, unknown>;
  /** Line where the record starts. */
  readonly line: number;
  /** Line of a field of this record (or of its nearest parent that is in the file). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** What one file holds: its valid records, or the problems that keep all of them out. */
export interface ParsedFile {
  readonly file: string;
  readonly records: readonly ParsedRecord[];
  readonly problems: readonly FileProblem[];
}

/** Options of {@link parseRecordFile}. */
export interface ParseOptions {
  /** Kind for records without a `record:` line (from the folder name). */
  readonly folderKind?: ImportKind | undefined;
  /** Region for records without `regionId`. */
  readonly defaultRegionId?: string | undefined;
}

interface SourceDocument {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Lines before the YAML text in the file (front matter of Markdown). */
  readonly lineOffset: number;
  /** Markdown body and its first line. */
  readonly body?: { readonly text: string; readonly line: number };
}

/**
 * Reads the records of one YAML file (one record per document, documents separated by `---`) or
 * one Markdown file (YAML front matter between `---` lines, then the text, which fills the kind's
 * main text field, e.g. a press release's `body`). Each record names its kind with `record:`,
 * unless the folder implies it. Every problem names the file, the line and the field.
 *
 * @example parseRecordFile('press-releases/pm-12.md', text, { defaultRegionId: 'kielregion' })
 */
export function parseRecordFile(file: string, text: string, options: ParseOptions = {}): ParsedFile {
  const problems: FileProblem[] = [];
  const records: ParsedRecord[] = [];
  const isMarkdown = /\.(md|markdown)$/i.test(file);
  const sources = isMarkdown ? splitMarkdown(file, text, problems) : parseYaml(text, 0);
  for (const source of sources) {
    for (const error of source.doc.errors) {
      const line = source.lines.linePos(error.pos[0]).line + source.lineOffset;
      const endLine = source.lines.linePos(error.pos[1]).line + source.lineOffset;
      problems.push({
        file,
        line,
        ...(endLine > line ? { endLine } : {}),
        field: '',
        message: firstLine(error.message),
      });
    }
  }
  if (problems.length > 0) return { file, records, problems };

  for (const source of sources) {
    const record = readRecord(file, source, options, problems);
    if (record !== undefined) records.push(record);
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ file, line: undefined, field: '', message: 'no record in this file' });
  }
  return { file, records: problems.length > 0 ? [] : records, problems };
}

function parseYaml(text: string, lineOffset: number): SourceDocument[] {
  const lines = new LineCounter();
  return parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
    .filter((doc) => doc.contents !== null || doc.errors.length > 0)
    .map((doc) => ({ doc, lines, lineOffset }));
}

function splitMarkdown(file: string, text: string, problems: FileProblem[]): SourceDocument[] {
  const match = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (match === null || match.index !== 0) {
    problems.push({
      file,
      line: 1,
      field: '',
      message: 'expected front matter: a first line "---", the fields in YAML, then a line "---"',
    });
    return [];
  }
  const front = match[1] ?? '';
  const bodyText = text.slice(match[0].length);
  const bodyLine = countLines(match[0]) + 1 + countLeadingBlankLines(bodyText);
  const [source, ...more] = parseYaml(front, 1);
  if (source === undefined) {
    problems.push({ file, line: 2, field: '', message: 'expected fields in the front matter' });
    return [];
  }
  if (more.length > 0) {
    problems.push({ file, line: 2, field: '', message: 'expected one YAML document in the front matter' });
  }
  return [{ ...source, body: { text: bodyText.trim(), line: bodyLine } }];
}

function readRecord(
  file: string,
  source: SourceDocument,
  options: ParseOptions,
  problems: FileProblem[],
): ParsedRecord | undefined {
  const { doc } = source;
  const lineOfNode = (node: unknown): number | undefined => {
    const range = (node as Node | undefined)?.range;
    return range === undefined || range === null
      ? undefined
      : source.lines.linePos(range[0]).line + source.lineOffset;
  };
  const start = lineOfNode(doc.contents) ?? source.lineOffset + 1;
  const bodyField = (kind: ImportKind) => MARKDOWN_BODY_FIELD[kind];
  let kind: ImportKind | undefined;
  const lineInYaml = (path: readonly PropertyKey[]): number => {
    for (let i = path.length; i > 0; i--) {
      const line = lineOfNode(doc.getIn(path.slice(0, i) as unknown[], true));
      if (line !== undefined) return line;
    }
    return start;
  };
  const lineOf = (path: readonly PropertyKey[]): number => {
    const field = kind === undefined ? undefined : bodyField(kind);
    if (source.body !== undefined && field !== undefined && startsWith(path, field)) return source.body.line;
    return lineInYaml(path);
  };
  const report = (path: readonly PropertyKey[], message: string, line = lineOf(path)) =>
    problems.push({ file, line, field: formatPath(path), message });

  if (!isMap(doc.contents)) {
    problems.push({ file, line: start, field: '', message: 'expected the fields of a record (key: value)' });
    return undefined;
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const declared = value.record;
  if (declared === undefined && options.folderKind === undefined) {
    report([], 'expected a line "record: <kind>" naming the kind of record (e.g. record: press-release)');
    return undefined;
  }
  if (declared !== undefined && !isImportKind(declared)) {
    report(['record'], `expected a kind of record, got ${JSON.stringify(declared)}`);
    return undefined;
  }
  kind = declared ?? options.folderKind;
  if (kind === undefined) return undefined;
  delete value.record;

  if (source.body !== undefined && source.body.text !== '') {
    const field = bodyField(kind);
    if (field === undefined) {
      problems.push({
        file,
        line: source.body.line,
        field: '',
        message: `a ${kind} takes no Markdown text; put its fields into the front matter or use a .yaml file`,
      });
      return undefined;
    }
    if (getPath(value, field) !== undefined) {
      report(
        field,
        'set either in the front matter or as the Markdown text below it, not both',
        lineInYaml(field),
      );
      return undefined;
    }
    setPath(value, field, source.body.text);
  }
  if (kind !== 'region' && value.regionId === undefined && options.defaultRegionId !== undefined) {
    value.regionId = options.defaultRegionId;
  }

  // zod drops keys it does not know; in a file that is a misspelt field, so it is an error.
  const unknownKeys = findUnknownKeys(schemaOfKind(kind), value);
  for (const unknown of unknownKeys) {
    report(unknown.segments, unknown.message);
  }
  const parsed = schemaOfKind(kind).safeParse(value);
  if (unknownKeys.length > 0 && parsed.success) return undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const missing = issue.code === 'invalid_type' && getPath(value, issue.path.map(String)) === undefined;
      report(issue.path, missing ? `required, but missing (${issue.message})` : issue.message);
    }
    return undefined;
  }
  return { kind, data: parsed.data as ParsedRecord['data'], line: start, lineOf };
}

function startsWith(path: readonly PropertyKey[], prefix: readonly string[]): boolean {
  return prefix.every((key, i) => path[i] === key);
}

function getPath(value: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function setPath(value: Record<string, unknown>, path: readonly string[], text: string): void {
  let current = value;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[path[path.length - 1] as string] = text;
}

function countLines(text: string): number {
  return text.split('\n').length - 1;
}

function countLeadingBlankLines(text: string): number {
  const match = /^(?:[ \t]*\r?\n)*/.exec(text);
  return match === null ? 0 : countLines(match[0]);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
