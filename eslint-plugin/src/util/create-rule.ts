import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
import { RELEASE_FILES_URL } from '../package-info';
import { noteEnabledRule } from './enabled-rules';

/** Where each rule's documentation lives for this release; editors, the CLI and SARIF link to it through `meta.docs.url`. */
export const DOCS_BASE_URL = `${RELEASE_FILES_URL}/eslint-plugin/docs/rules`;

export function ruleDocsUrl(ruleName: string): string {
  return `${DOCS_BASE_URL}/${ruleName}.md`;
}

/** Extra documentation fields every ClaimGuard rule declares. */
export interface ClaimGuardDocs {
  /** Whether the rule is in `configs.recommended`. */
  recommended?: boolean;
  /** The API Security Maturity level a finding of this rule keeps a route below, or null when it is not about levels. */
  blocksLevel: 1 | 2 | 3 | null;
}

/**
 * typescript-eslint's `ESLintUtils.RuleCreator(ruleDocsUrl)`, with its types but without its run-time import:
 * loading `@typescript-eslint/utils` would make TypeScript a dependency of JavaScript-only projects. At run time
 * `RuleCreator` adds the docs URL and merges `meta.defaultOptions` into the options; ESLint does the merge
 * itself since 9.15 (https://eslint.org/docs/latest/extend/custom-rules#option-defaults), into `context.options`.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  defaultOptions,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, ClaimGuardDocs>>): TSESLint.RuleModule<MessageIds, Options, ClaimGuardDocs> & { name: string } {
  const resolvedDefaults = meta.defaultOptions ?? defaultOptions ?? ([] as unknown as Options);
  return {
    name,
    meta: { ...meta, defaultOptions: resolvedDefaults, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create: (context) => {
      // Before any rule sees a node: maturity-level reads at `Program:exit` which rules report on this file.
      noteEnabledRule(context.sourceCode, name);
      return create(context, context.options);
    },
  };
}
