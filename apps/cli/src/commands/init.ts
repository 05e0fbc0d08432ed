import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLE_REGIONS } from '@regiokit/core/examples';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { addJsonOption, describeCommand } from '../command-helpers';
import { formatExampleConfig } from '../config-reference';
import { listStorableKinds } from '../records/record-target';
import { writeRegionFiles } from '../records/write-record-files';
import { ensureSecret } from '../services/secret';

/** `regiokit init`: data folder, secret, example configuration (and optionally example records). */
export function registerInitCommand(program: Command, ctx: CliContext): void {
  const { m } = ctx;
  const command = program.command('init');
  describeCommand(command, ctx, m.initDescription, m.initExamples);
  addJsonOption(command, ctx)
    .option('--examples', m.initExamplesOption)
    .action(async (options: { json?: boolean; examples?: boolean }) => {
      const { dataDir, secretFile } = ctx.config;
      const dirExisted = existsSync(dataDir);
      await mkdir(dataDir, { recursive: true });
      const secret = ensureSecret(ctx.config.secret, secretFile);
      const configFile = join(dataDir, 'regiokit.env');
      const configExisted = existsSync(configFile);
      if (!configExisted) await writeFile(configFile, formatExampleConfig(ctx.language), { mode: 0o600 });
      let examples: { dir: string; files: number } | undefined;
      if (options.examples) {
        const dir = join(dataDir, 'examples');
        let files = 0;
        for (const bundle of EXAMPLE_REGIONS) {
          files += (
            await writeRegionFiles(bundle, join(dir, bundle.region.id), new Set(await listStorableKinds()))
          ).length;
        }
        examples = { dir, files };
      }
      if (options.json) {
        ctx.out.json({
          dataDir,
          dataDirCreated: !dirExisted,
          secret: secret.source === 'env' ? 'env' : secretFile,
          secretCreated: secret.source === 'created',
          config: configFile,
          configCreated: !configExisted,
          ...(examples === undefined ? {} : { examples }),
        });
        return;
      }
      ctx.out.print(dirExisted ? m.initExistingDir(dataDir) : m.initCreatedDir(dataDir));
      ctx.out.print(
        secret.source === 'env'
          ? m.initSecretFromEnv
          : secret.source === 'created'
            ? m.initSecretCreated(secretFile)
            : m.initSecretKept(secretFile),
      );
      ctx.out.print(configExisted ? m.initConfigKept(configFile) : m.initConfigWritten(configFile));
      if (examples !== undefined)
        ctx.out.print(m.initExamplesWritten(examples.dir, ctx.format.number(examples.files)));
      ctx.out.print(m.initNext);
    });
}
