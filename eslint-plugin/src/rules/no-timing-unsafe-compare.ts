import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getCredentialFacts } from '../analysis/credentials';
import type { CredentialFacts, UnsafeComparison } from '../analysis/credentials';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';

export type Options = [];

export type MessageIds = 'timingUnsafeComparison' | 'suggestTimingSafeEqual';

const RULE_NAME = 'no-timing-unsafe-compare';

/** How the fix reaches Node's crypto: through an existing binding, or a new import it adds. */
interface CryptoAccess {
  timingSafeEqual: string;
  createHash: string;
  importText?: string;
}

function cryptoAccess(facts: CredentialFacts, isModuleFile: boolean): CryptoAccess {
  const named: Record<string, string> = {};
  for (const [local, binding] of facts.moduleBindings) {
    if (binding.module !== 'crypto') continue;
    if (binding.imported === 'default' || binding.imported === '*') {
      return { timingSafeEqual: `${local}.timingSafeEqual`, createHash: `${local}.createHash` };
    }
    named[binding.imported] = local;
  }
  const timingSafeEqual = named.timingSafeEqual ?? 'timingSafeEqual';
  const createHash = named.createHash ?? 'createHash';
  const needed = ['createHash', 'timingSafeEqual'].filter((name) => !named[name]);
  if (needed.length === 0) return { timingSafeEqual, createHash };
  const importText = isModuleFile
    ? `import { ${needed.join(', ')} } from 'node:crypto';\n`
    : `const { ${needed.join(', ')} } = require('node:crypto');\n`;
  return { timingSafeEqual, createHash, importText };
}

/** Where a new import goes: after the last import, else before the first statement. */
function importAnchor(sourceCode: TSESLint.SourceCode): { after?: TSESTree.Node; before?: TSESTree.Node } {
  const body = sourceCode.ast.body;
  const imports = body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  if (imports.length > 0) return { after: imports[imports.length - 1] };
  return { before: body[0] };
}

function operandText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow comparing secrets, keys, signatures and tokens with non-constant-time operators.',
      recommended: true,
      blocksLevel: null,
    },
    hasSuggestions: true,
    messages: {
      timingUnsafeComparison:
        '{{secret}} is compared with `{{operator}}`, which stops at the first differing character and so tells an attacker how much of a guess is right; compare with crypto.timingSafeEqual on equal-length buffers.',
      suggestTimingSafeEqual: 'Compare SHA-256 digests of both values with crypto.timingSafeEqual (always equal length).',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // typescript-eslint calls every program a module; a `.cjs` file is CommonJS whatever the parser says.
    const isModuleFile = sourceCode.ast.sourceType === 'module' && context.languageOptions.sourceType !== 'commonjs';

    function suggestion(facts: CredentialFacts, comparison: UnsafeComparison): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (comparison.node.type !== AST_NODE_TYPES.BinaryExpression) return [];
      const access = cryptoAccess(facts, isModuleFile);
      const digest = (node: TSESTree.Node) => `${access.createHash}('sha256').update(${operandText(sourceCode, node)}).digest()`;
      const call = `${comparison.negated ? '!' : ''}${access.timingSafeEqual}(${digest(comparison.left)}, ${digest(comparison.right)})`;
      const node = comparison.node;
      return [
        {
          messageId: 'suggestTimingSafeEqual',
          fix: (fixer) => {
            const fixes = [fixer.replaceText(node, call)];
            const anchor = importAnchor(sourceCode);
            if (access.importText && anchor.after) fixes.push(fixer.insertTextAfter(anchor.after, `\n${access.importText.trimEnd()}`));
            else if (access.importText && anchor.before) fixes.push(fixer.insertTextBefore(anchor.before, access.importText));
            return fixes;
          },
        },
      ];
    }

    return {
      Program() {
        const facts = getCredentialFacts(sourceCode, context.settings, context.filename);
        for (const comparison of facts.unsafeComparisons) {
          const operator = comparison.node.type === AST_NODE_TYPES.BinaryExpression ? comparison.node.operator : 'localeCompare';
          reportFinding(
            context,
            {
              node: comparison.node,
              messageId: 'timingUnsafeComparison',
              data: { secret: comparison.description, operator },
              suggest: suggestion(facts, comparison),
            },
            { origin: { description: comparison.description, node: comparison.secret } },
          );
        }
      },
    };
  },
});
