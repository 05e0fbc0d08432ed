/** What the CLI says for `regiokit coverage`, in German (default) and English. */
export const COVERAGE_DE = {
  coverageDescription: 'Zeigt, welche Ziele und Handlungsfelder der Strategie kein Projekt bedient.',
  coverageArgument: 'Region (ID)',
  strategyOption: 'nur diese Strategie (ID)',
  coverageExamples: ['regiokit coverage nordthueringen', 'regiokit coverage kielregion --json'],
  coverageTitle: (region: string) => `Strategieabdeckung: ${region}`,
  coverageStrategy: (title: string) => `Strategie: ${title}`,
  coverageGaps: (list: string) => `Ohne Projekt: ${list}`,
  coverageNoGaps: 'Ohne Projekt: nichts, alle Handlungsfelder und Ziele sind abgedeckt.',
  coverageNoStrategy: (region: string) =>
    `Für ${region} ist keine Strategie gespeichert. Importiere sie mit „regiokit import“.`,
  coverageUnknownStrategy: (id: string, known: string) => `Unbekannte Strategie „${id}“. Vorhanden: ${known}`,
  coverageWithoutField: '(ohne Handlungsfeld)',
  coverageField: (label: string) => `Handlungsfeld „${label}“`,
  coverageGoal: (label: string) => `Ziel „${label}“`,
  coverageManagement: (amount: string) => `Förderung des Regionalmanagements selbst: ${amount}`,
};

export type CoverageMessages = typeof COVERAGE_DE;

export const COVERAGE_EN: CoverageMessages = {
  coverageDescription: 'Shows which goals and fields of action of the strategy no project serves.',
  coverageArgument: 'region (id)',
  strategyOption: 'only this strategy (id)',
  coverageExamples: ['regiokit coverage nordthueringen', 'regiokit coverage kielregion --json'],
  coverageTitle: (region) => `Strategy coverage: ${region}`,
  coverageStrategy: (title) => `Strategy: ${title}`,
  coverageGaps: (list) => `Without a project: ${list}`,
  coverageNoGaps: 'Without a project: none, every field of action and goal is served.',
  coverageNoStrategy: (region) => `No strategy is stored for ${region}. Import it with "regiokit import".`,
  coverageUnknownStrategy: (id, known) => `Unknown strategy "${id}". Known: ${known}`,
  coverageWithoutField: '(no field of action)',
  coverageField: (label) => `field of action "${label}"`,
  coverageGoal: (label) => `goal "${label}"`,
  coverageManagement: (amount) => `Funding of the management itself: ${amount}`,
};
