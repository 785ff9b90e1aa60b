import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';
import { buildConfigs } from './configs';

// Read at run time so the published version is never out of step with package.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version },
  rules,
  configs: {} as ReturnType<typeof buildConfigs>,
};
// Flat configs refer to the plugin object itself, so they are attached after it exists.
plugin.configs = buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin);

export = plugin;
