/** What the CLI says for `regiokit init`, in German (default) and English. */
export const INIT_DE = {
  initDescription: 'Legt den Datenordner mit Geheimnis und Beispielkonfiguration an.',
  initExamples: ['regiokit init', 'REGIOKIT_DATA_DIR=/srv/regiokit regiokit init'],
  initExamplesOption:
    'auch Beispieldateien der vier Referenzregionen nach <Datenordner>/examples schreiben (die Arten, die der Speicher aufnimmt)',
  initCreatedDir: (dir: string) => `Datenordner angelegt: ${dir}`,
  initExistingDir: (dir: string) => `Datenordner vorhanden: ${dir}`,
  initSecretCreated: (file: string) => `Geheimnis erzeugt: ${file} (nur für dich lesbar)`,
  initSecretKept: (file: string) => `Geheimnis vorhanden, unverändert: ${file}`,
  initSecretFromEnv: 'Geheimnis kommt aus REGIOKIT_SECRET; keine Datei nötig.',
  initConfigWritten: (file: string) => `Beispielkonfiguration geschrieben: ${file}`,
  initConfigKept: (file: string) => `Konfiguration vorhanden, unverändert: ${file}`,
  initExamplesWritten: (dir: string, count: string) =>
    `${count} Beispieldateien der Referenzregionen in ${dir}`,
  initNext: 'Weiter mit: regiokit import <Ordner>  ·  regiokit doctor  ·  regiokit demo',
};

export type InitMessages = typeof INIT_DE;

export const INIT_EN: InitMessages = {
  initDescription: 'Creates the data folder with a secret and an example configuration.',
  initExamples: ['regiokit init', 'REGIOKIT_DATA_DIR=/srv/regiokit regiokit init'],
  initExamplesOption:
    'also write example files of the four reference regions to <data folder>/examples (the kinds the store keeps)',
  initCreatedDir: (dir) => `Data folder created: ${dir}`,
  initExistingDir: (dir) => `Data folder exists: ${dir}`,
  initSecretCreated: (file) => `Secret created: ${file} (readable by you only)`,
  initSecretKept: (file) => `Secret exists, unchanged: ${file}`,
  initSecretFromEnv: 'The secret comes from REGIOKIT_SECRET; no file needed.',
  initConfigWritten: (file) => `Example configuration written: ${file}`,
  initConfigKept: (file) => `Configuration exists, unchanged: ${file}`,
  initExamplesWritten: (dir, count) => `${count} example files of the reference regions in ${dir}`,
  initNext: 'Next: regiokit import <folder>  ·  regiokit doctor  ·  regiokit demo',
};
