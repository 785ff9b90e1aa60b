import type { ESLint, Linter } from 'eslint';
import { rules } from './rules';
import { loadTypeScriptParser } from './util/typescript-parser';

export type ConfigName = 'recommended' | 'level-1' | 'level-2' | 'level-3' | 'strict';

/** Every file the rules analyse: JavaScript and TypeScript, their module variants and JSX. */
export const SOURCE_FILES = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
export const TYPESCRIPT_FILES = '**/*.{ts,mts,cts,tsx}';

type Level = 1 | 2 | 3;
type RulesRecord = Record<string, Linter.RuleEntry>;

/** Rules a team must fix to reach `level`: those whose findings keep a route below it, plus level-free hygiene rules. */
function rulesForLevel(level: Level): RulesRecord {
  const selected: RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const blocks = rule.meta.docs?.blocksLevel ?? null;
    if (name === 'maturity-level') {
      selected[`claimguard/${name}`] = ['warn', { minimumLevel: level }];
    } else if (blocks === null || blocks <= level) {
      selected[`claimguard/${name}`] = name === 'no-incomplete-analysis' ? 'warn' : 'error';
    }
  }
  return selected;
}

function recommendedRules(): RulesRecord {
  const selected: RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta.docs?.recommended) selected[`claimguard/${name}`] = recommendedSeverity(name);
  }
  return selected;
}

/**
 * Level 0 schemes are a maturity gap rather than a bug, and a budget stop says where findings may be missing
 * rather than finding something, so they warn; everything else in `recommended` is an error.
 */
function recommendedSeverity(name: string): Linter.StringSeverity {
  return name === 'no-api-key-auth' || name === 'maturity-level' || name === 'no-incomplete-analysis' ? 'warn' : 'error';
}

function allRules(): RulesRecord {
  return Object.fromEntries(Object.keys(rules).map((name) => [`claimguard/${name}`, 'error' as const]));
}

/**
 * Each config is a list, as typescript-eslint's and other plugins' configs that bring a parser are: one object
 * turns the rules on for every JavaScript and TypeScript file (without `files`, ESLint would lint only `.js`
 * and `.mjs` files, and a TypeScript project would pass with nothing checked), the others say how to parse
 * what ESLint cannot parse on its own. The TypeScript parser loads on the first TypeScript file, so a
 * JavaScript-only project needs neither it nor TypeScript.
 */
export function buildConfigs(plugin: ESLint.Plugin): Record<ConfigName, Linter.Config[]> {
  const config = (name: ConfigName, selected: RulesRecord): Linter.Config[] => [
    { name: `claimguard/${name}`, files: [SOURCE_FILES], plugins: { claimguard: plugin }, rules: selected },
    // JSX parses in any JavaScript file (React code often lives in `.js`); plain JavaScript parses the same with it on.
    { name: `claimguard/${name}/jsx`, files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: `claimguard/${name}/typescript`, files: [TYPESCRIPT_FILES], languageOptions: { parser: loadTypeScriptParser() } },
  ];
  return {
    recommended: config('recommended', recommendedRules()),
    'level-1': config('level-1', rulesForLevel(1)),
    'level-2': config('level-2', rulesForLevel(2)),
    'level-3': config('level-3', rulesForLevel(3)),
    strict: config('strict', allRules()),
  };
}
