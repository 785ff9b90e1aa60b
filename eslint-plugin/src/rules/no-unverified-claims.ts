import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';
import { getAnalysis, type UnverifiedValue } from '../analysis';
import { claimName } from '../analysis/describe';
import { calleeName } from '../analysis/syntax';

export type Options = [];
export type MessageIds = 'unverifiedClaims';

export default createRule<Options, MessageIds>({
  name: 'no-unverified-claims',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow decisions on claims of a token that was decoded but never verified.',
      recommended: true,
      blocksLevel: 2,
    },
    schema: [],
    messages: {
      unverifiedClaims:
        'Authorization decision uses {{claim}} of a token decoded by `{{decoder}}()`{{where}} but never verified; verify the token (e.g. `jwt.verify` with pinned algorithms) and use the verified payload.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const decision of getAnalysis(context).decisions) {
          for (const operand of decision.operands) {
            const decoded = operand.values.find((value): value is UnverifiedValue => value.trust === 'unverified');
            if (!decoded || reported.has(operand.node)) continue;
            reported.add(operand.node);
            const claim = claimName(decoded.name);
            reportFinding(
              context,
              {
                node: operand.node,
                messageId: 'unverifiedClaims',
                data: {
                  claim: claim ? `claim '${claim}'` : 'the claims',
                  decoder: decoderName(decoded.node, context.sourceCode.getText(decoded.node)),
                  where: decoded.node.loc.start.line === operand.node.loc.start.line ? '' : ` (line ${decoded.node.loc.start.line})`,
                },
              },
              { origin: { description: 'decoded, unverified token', node: decoded.node } },
            );
          }
        }
      },
    };
  },
});

/** `jwt.decode`, `jwtDecode`, `request.jwtDecode`, or `JSON.parse` for hand-rolled decoding. */
function decoderName(node: TSESTree.Node, text: string): string {
  if (node.type !== 'CallExpression') return 'decode';
  const callee = node.callee;
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') return `${callee.object.name}.${calleeName(node) ?? 'decode'}`;
  return calleeName(node) ?? text.split('(')[0];
}
