import type { ESLint, Linter, Rule } from 'eslint';
import { rules as ruleModules } from './rules';
import { buildConfigs, type ConfigName } from './configs';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info';
// This module's own exports object: see `plugin` below.
import * as self from './index';

export type { ConfigName } from './configs';

/**
 * A rule as ESLint's own types describe it, which is what `defineConfig` and `Linter.Config` check. It is
 * loose where ESLint's and typescript-eslint's rule types disagree (the context, the schema's type), so
 * either kind of code accepts it.
 */
export interface ClaimGuardRule extends Rule.RuleModule {
  meta: Rule.RuleMetaData & {
    type: 'problem' | 'suggestion' | 'layout';
    docs: { description: string; url: string; recommended?: boolean; blocksLevel: 1 | 2 | 3 | null };
    messages: Record<string, string>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    schema: any;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create(context: any): any;
}

export interface ClaimGuardPlugin {
  meta: { name: string; version: string };
  rules: Record<string, ClaimGuardRule>;
  configs: Record<ConfigName, Linter.Config[]>;
}

/**
 * The plugin is this module's exports object itself, so `require(…)`, `import plugin from …` (whichever
 * interop a loader applies) and `import { configs } from …` all reach the same object, and the configs refer
 * to that very object: ESLint refuses two different objects under one plugin name.
 */
const plugin: ClaimGuardPlugin = self;

export const meta = { name: PACKAGE_NAME, version: PACKAGE_VERSION };
export const rules = ruleModules as unknown as Record<string, ClaimGuardRule>;
export const configs = buildConfigs(plugin as ESLint.Plugin);

export default plugin;
