// biome-ignore-all assist/source/organizeImports: exports are grouped by concept, one comment per group

// Running the command line in-process (tests, other tools)
export { runCli } from './run-cli';
export { createCliContext } from './cli-context';
export type { CliContext } from './cli-context';
export { CliError, EXIT_CODES } from './cli-error';
export type { CliErrorKind, ExitCode } from './cli-error';

// Configuration from the environment
export { CliEnv, ConfigError, detectLanguage, loadConfig } from './config';
export type { CliConfig } from './config';
export { ENV_VARIABLES } from './config-reference';
export type { EnvVariable } from './config-reference';

// Record files (YAML, Markdown with front matter)
export { parseRecordFile } from './records/parse-record-file';
export type { FileProblem, ParsedFile, ParsedRecord } from './records/parse-record-file';
export { writeRegionFiles } from './records/write-record-files';
export { IMPORT_KINDS } from './records/record-kinds';
export type { ImportKind } from './records/record-kinds';
