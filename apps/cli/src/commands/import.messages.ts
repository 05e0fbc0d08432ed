/** What the CLI says for `regiokit import`, in German (default) and English. */
export const IMPORT_DE = {
  importDescription:
    'Importiert Regionen, Strategien, Projekte, Termine, Artikel, Newsletter-Ausgaben und Pressemitteilungen aus YAML- oder Markdown-Dateien.',
  importArgument: 'Datei oder Ordner (.yaml, .yml, .json, .md)',
  importDryRunOption: 'nur prüfen, nichts speichern',
  importExamples: [
    'regiokit import inhalte/',
    'regiokit import pressemitteilungen/pm-12-2026.md',
    'regiokit import projekte/ --region thueringer-bogen --dry-run',
  ],
  importNoFiles: (path: string) => `In ${path} gibt es keine Datei mit .yaml, .yml, .json oder .md.`,
  importPathMissing: (path: string) => `Datei oder Ordner nicht gefunden: ${path}`,
  importFileLine: (file: string, lines: string | undefined, field: string, message: string) =>
    `${file}${lines === undefined ? '' : `, Zeile ${lines}`}${field === '' ? '' : `, Feld ${field}`}: ${message}`,
  importFileRejected: (file: string, count: number) =>
    `${file}: ${count === 1 ? 'ein Fehler' : `${count} Fehler`}, nichts aus dieser Datei importiert`,
  importKindNotStorable: (kind: string) =>
    `Datensätze der Art „${kind}“ kann der Speicher noch nicht aufnehmen`,
  importUnknownRegion: (id: string) => `Region „${id}“ gibt es weder im Speicher noch im Import`,
  importUnknownTopic: (id: string, known: string) =>
    `Thema „${id}“ gibt es in der Region nicht; bekannt: ${known}`,
  importDuplicate: (kind: string, id: string, other: string) =>
    `${kind} „${id}“ kommt im Import zweimal vor (auch in ${other})`,
  importSummary: (files: string, records: string, created: string, updated: string, unchanged: string) =>
    `${files} Dateien, ${records} Datensätze: ${created} neu, ${updated} aktualisiert, ${unchanged} unverändert.`,
  importDryRunSummary: (files: string, records: string) =>
    `Geprüft: ${files} Dateien ohne Fehler mit ${records} Datensätzen; nichts gespeichert (--dry-run).`,
  importFailedFiles: (count: string) => `${count} Dateien mit Fehlern wurden nicht importiert.`,
  importErrors: 'Dateien mit Fehlern',
  tableFile: 'Datei',
  tableKind: 'Art',
  tableId: 'ID',
  tableResult: 'Ergebnis',
  resultCreated: 'neu',
  resultUpdated: 'aktualisiert',
  resultUnchanged: 'unverändert',
  resultChecked: 'geprüft',
  importWriteFailed: (file: string, message: string) =>
    `${file}: Speichern fehlgeschlagen, nichts aus dieser Datei importiert: ${message}`,
};

export type ImportMessages = typeof IMPORT_DE;

export const IMPORT_EN: ImportMessages = {
  importDescription:
    'Imports regions, strategies, projects, events, articles, newsletter issues and press releases from YAML or Markdown files.',
  importArgument: 'file or folder (.yaml, .yml, .json, .md)',
  importDryRunOption: 'check only, store nothing',
  importExamples: [
    'regiokit import content/',
    'regiokit import press-releases/pm-12-2026.md',
    'regiokit import projects/ --region thueringer-bogen --dry-run',
  ],
  importNoFiles: (path) => `${path} holds no .yaml, .yml, .json or .md file.`,
  importPathMissing: (path) => `No such file or folder: ${path}`,
  importFileLine: (file, lines, field, message) =>
    `${file}${lines === undefined ? '' : `, line ${lines}`}${field === '' ? '' : `, field ${field}`}: ${message}`,
  importFileRejected: (file, count) =>
    `${file}: ${count === 1 ? 'one error' : `${count} errors`}, nothing imported from this file`,
  importKindNotStorable: (kind) => `the store cannot keep records of kind "${kind}" yet`,
  importUnknownRegion: (id) => `region "${id}" is neither in the store nor in the import`,
  importUnknownTopic: (id, known) => `the region has no topic "${id}"; known: ${known}`,
  importDuplicate: (kind, id, other) => `${kind} "${id}" appears twice in the import (also in ${other})`,
  importSummary: (files, records, created, updated, unchanged) =>
    `${files} files, ${records} records: ${created} new, ${updated} updated, ${unchanged} unchanged.`,
  importDryRunSummary: (files, records) =>
    `Checked: ${files} files without errors holding ${records} records; nothing stored (--dry-run).`,
  importFailedFiles: (count) => `${count} files with errors were not imported.`,
  importErrors: 'Files with errors',
  tableFile: 'File',
  tableKind: 'Kind',
  tableId: 'Id',
  tableResult: 'Result',
  resultCreated: 'new',
  resultUpdated: 'updated',
  resultUnchanged: 'unchanged',
  resultChecked: 'checked',
  importWriteFailed: (file, message) =>
    `${file}: storing failed, nothing imported from this file: ${message}`,
};
