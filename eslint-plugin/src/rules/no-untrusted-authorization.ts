import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';
import { claimSuggestion, describeValue, getAnalysis, type SourceKind, type UntrustedValue } from '../analysis';
import { claimFor } from '../analysis/names';

export type Options = [];
export type MessageIds =
  | 'untrustedHeader'
  | 'untrustedPathParam'
  | 'untrustedQuery'
  | 'untrustedCookie'
  | 'untrustedBody'
  | 'untrustedArgument'
  | 'suggestVerifiedClaim';

const MESSAGE_BY_SOURCE: Record<SourceKind, Exclude<MessageIds, 'suggestVerifiedClaim'>> = {
  header: 'untrustedHeader',
  'path param': 'untrustedPathParam',
  query: 'untrustedQuery',
  cookie: 'untrustedCookie',
  body: 'untrustedBody',
  argument: 'untrustedArgument',
};

export default createRule<Options, MessageIds>({
  name: 'no-untrusted-authorization',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow authorization decisions that use headers, path or query values, cookies or body fields instead of verified token claims.',
      recommended: true,
      blocksLevel: 3,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      untrustedHeader: 'Authorization decision uses {{origin}}{{where}}, which any caller can set; {{remedy}}.',
      untrustedPathParam: 'Authorization decision uses {{origin}}{{where}}, which the caller chooses in the URL; {{remedy}}.',
      untrustedQuery: 'Authorization decision uses {{origin}}{{where}}, which the caller chooses in the query string; {{remedy}}.',
      untrustedCookie: 'Authorization decision uses {{origin}}{{where}}, which the client can edit; {{remedy}}.',
      untrustedBody: 'Authorization decision uses {{origin}}{{where}}, which the caller sends; {{remedy}}.',
      untrustedArgument: 'Authorization decision uses {{origin}}{{where}}, which the caller sends; {{remedy}}.',
      suggestVerifiedClaim: 'Read it from the verified token instead: `{{claim}}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        const verifiedNames = analysis.verifiedClaimNames;
        const reported = new Set<TSESTree.Node>();
        for (const decision of analysis.decisions) {
          // `role !== 'admin' && role !== 'owner'` is one decision on one value: report it once.
          const originsInDecision = new Set<string>();
          for (const operand of decision.operands) {
            if (reported.has(operand.node)) continue;
            const untrusted = bestOrigin(operand.values.filter((value): value is UntrustedValue => value.trust === 'untrusted'));
            if (!untrusted) continue;
            const originKey = `${untrusted.source}|${untrusted.name ?? ''}`;
            if (originsInDecision.has(originKey)) continue;
            originsInDecision.add(originKey);
            reported.add(operand.node);
            const suggestion = claimSuggestion(untrusted, analysis.claimsPath, verifiedNames);
            const claim = suggestion?.text;
            reportFinding(
              context,
              {
                node: operand.node,
                messageId: MESSAGE_BY_SOURCE[untrusted.source],
                data: {
                  origin: describeValue(untrusted),
                  where: originLine(untrusted, operand.node),
                  remedy: claim
                    ? `use the verified claim \`${claim}\` instead`
                    : `take it from a verified token's claims instead${claimHint(untrusted.name)}`,
                },
                suggest: suggestion
                  ? [{ messageId: 'suggestVerifiedClaim', data: { claim: suggestion.text }, fix: (fixer) => fixer.replaceText(suggestion.node, suggestion.text) }]
                  : [],
              },
              { origin: { description: describeValue(untrusted), node: untrusted.node } },
            );
          }
        }
      },
    };
  },
});

/** " (e.g. the 'role' claim)" when a conventional claim means the same as the value's name. */
function claimHint(name: string | undefined): string {
  const claim = claimFor(name);
  return claim ? ` (e.g. the '${claim}' claim)` : '';
}

/** " (line 12)" when the value was read on another line than the decision that uses it. */
export function originLine(value: { node: TSESTree.Node }, at: TSESTree.Node): string {
  const line = value.node.loc.start.line;
  return line === at.loc.start.line ? '' : ` (line ${line})`;
}

/** Prefer the value whose origin is an actual read expression (`req.get('x-role')`) over a bound name. */
function bestOrigin(values: UntrustedValue[]): UntrustedValue | undefined {
  return values.find((value) => value.node.type === 'MemberExpression' || value.node.type === 'CallExpression') ?? values[0];
}
