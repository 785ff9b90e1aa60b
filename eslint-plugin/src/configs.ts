import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

type Level = 1 | 2 | 3;
type RulesRecord = Record<string, TSESLint.SharedConfig.RuleEntry>;

/** Rules a team must fix to reach `level`: those whose findings keep a route below it, plus level-free hygiene rules. */
function rulesForLevel(level: Level): RulesRecord {
  const selected: RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const blocks = rule.meta.docs?.blocksLevel ?? null;
    if (name === 'maturity-level') {
      selected[`claimguard/${name}`] = ['warn', { minimumLevel: level }];
    } else if (blocks === null || blocks <= level) {
      selected[`claimguard/${name}`] = 'error';
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

/** Level 0 schemes are a maturity gap rather than a bug, so they warn; everything else in `recommended` is an error. */
function recommendedSeverity(name: string): TSESLint.SharedConfig.RuleLevel {
  return name === 'no-api-key-auth' || name === 'maturity-level' ? 'warn' : 'error';
}

function allRules(): RulesRecord {
  return Object.fromEntries(Object.keys(rules).map((name) => [`claimguard/${name}`, 'error' as const]));
}

export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin) {
  const config = (name: string, selected: RulesRecord): TSESLint.FlatConfig.Config => ({
    name: `claimguard/${name}`,
    plugins: { claimguard: plugin },
    rules: selected,
  });
  return {
    recommended: config('recommended', recommendedRules()),
    'level-1': config('level-1', rulesForLevel(1)),
    'level-2': config('level-2', rulesForLevel(2)),
    'level-3': config('level-3', rulesForLevel(3)),
    strict: config('strict', allRules()),
  };
}
