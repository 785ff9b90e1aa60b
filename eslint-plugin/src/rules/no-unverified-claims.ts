import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule';
import { findVariable } from '../util/find-variable';
import { singleQuoted } from '../util/fix-text';
import { reportFinding } from '../util/report';
import { getAnalysis, type UnverifiedValue } from '../analysis';
import { getCredentialFacts, type CredentialFacts, type SecretUse } from '../analysis/credentials';
import { claimName } from '../analysis/describe';
import { calleeName, memberName, rootIdentifier, unwrap } from '../analysis/syntax';

export type Options = [];
export type MessageIds = 'unverifiedClaims' | 'suggestVerify';

export default createRule<Options, MessageIds>({
  name: 'no-unverified-claims',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow decisions on claims of a token that was decoded but never verified.',
      recommended: true,
      blocksLevel: 2,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unverifiedClaims:
        'Authorization decision uses {{claim}} of a token decoded by `{{decoder}}()`{{where}} but never verified; verify the token (e.g. `jwt.verify` with pinned algorithms) and use the verified payload.',
      suggestVerify: 'Verify the token instead of decoding it: `{{call}}` (it throws on a forged, expired or misdirected token).',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const facts = getCredentialFacts(sourceCode, context.settings, context.filename);
        const reported = new Set<TSESTree.Node>();
        const analysis = getAnalysis(context);
        for (const decision of analysis.decisions) {
          // Each operand's decoded claims, as the routes reaching it see them, settled once.
          const decodedIn = new Map(decision.operands.map((operand) => [operand, analysis.settle(operand.values, operand.node).find((value): value is UnverifiedValue => value.trust === 'unverified')]));
          // `!claims || claims.role !== 'admin'` is one decision on the role: its presence test is reported only alone.
          const decidesOnClaim = decision.operands.some((operand) => !operand.presence && decodedIn.get(operand));
          for (const operand of decision.operands) {
            if (operand.presence && decidesOnClaim) continue;
            const decoded = decodedIn.get(operand);
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
                suggest: verifySuggestion(sourceCode, facts, decoded),
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

/**
 * `jwt.decode(token)` → `jwt.verify(token, key, { algorithms: […] })` with jsonwebtoken, where the file already
 * verifies or signs with a key that is in scope at the decode, and determines its algorithms from the key (an HMAC
 * secret, an RSA key) or from how it signs; the issuer and audience join when the file determines them too.
 */
function verifySuggestion(sourceCode: TSESLint.SourceCode, facts: CredentialFacts, decoded: UnverifiedValue): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const call = decoded.node;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || call.arguments[0]!.type === AST_NODE_TYPES.SpreadElement) return [];
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'decode' || callee.object.type !== AST_NODE_TYPES.Identifier) return [];
  const binding = facts.moduleBindings.get(callee.object.name);
  if (binding?.module !== 'jsonwebtoken' || (binding.imported !== 'default' && binding.imported !== '*')) return [];
  for (const key of facts.secrets) {
    if (key.library !== 'jsonwebtoken' || key.kind !== 'runtime' || !inScopeAt(sourceCode, key.node, call)) continue;
    const { algorithms } = facts.algorithmsFor(key);
    if (!algorithms) continue;
    const { issuer, audience } = facts.determinedClaims;
    const options = [
      `algorithms: [${algorithms.map(singleQuoted).join(', ')}]`,
      ...(issuer !== undefined ? [`issuer: ${singleQuoted(issuer)}`] : []),
      ...(audience !== undefined ? [`audience: ${singleQuoted(audience)}`] : []),
    ];
    const text = `${callee.object.name}.verify(${sourceCode.getText(call.arguments[0]!)}, ${sourceCode.getText(key.node)}, { ${options.join(', ')} })`;
    return [{ messageId: 'suggestVerify', data: { call: text }, fix: (fixer) => fixer.replaceText(call, text) }];
  }
  return [];
}

/**
 * Whether a key expression means the same where the decode is: `process.env.X`, or names (`config.jwtSecret`,
 * `publicKey`) bound to the same variable at both places. A function key (jsonwebtoken's `getKey` callback) needs
 * a callback at the call, so it never qualifies.
 */
function inScopeAt(sourceCode: TSESLint.SourceCode, key: SecretUse['node'], at: TSESTree.Node): boolean {
  const bare = unwrap(key);
  if (bare.type !== AST_NODE_TYPES.Identifier && bare.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = rootIdentifier(bare);
  if (!root || (bare.type === AST_NODE_TYPES.MemberExpression && containsCall(bare))) return false;
  const there = findVariable(sourceCode.getScope(key), root.name);
  const here = findVariable(sourceCode.getScope(at), root.name);
  if (!there && !here) return root.name === 'process';
  if (there !== here || !there) return false;
  return !there.defs.some((def) => def.type === 'FunctionName' || def.type === 'Parameter' || (def.type === 'Variable' && isFunctionInit(def.node.init)));
}

function containsCall(node: TSESTree.MemberExpression): boolean {
  for (let current: TSESTree.Node = node; current.type === AST_NODE_TYPES.MemberExpression; current = unwrap(current.object)) {
    if (unwrap(current.object).type === AST_NODE_TYPES.CallExpression) return true;
  }
  return false;
}

function isFunctionInit(init: TSESTree.Expression | null | undefined): boolean {
  const bare = init ? unwrap(init) : undefined;
  return bare?.type === AST_NODE_TYPES.ArrowFunctionExpression || bare?.type === AST_NODE_TYPES.FunctionExpression;
}
