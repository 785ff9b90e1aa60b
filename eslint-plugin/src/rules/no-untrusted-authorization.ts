import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';
import { claimSuggestion, describeValue, getAnalysis, type DecisionOperand, type SourceKind, type TrustValue, type UntrustedValue } from '../analysis';
import { claimsAccessAt, declaredVerifiers, type ClaimsAccess, type DeclaredMiddleware } from '../analysis/claims-access';
import { getCredentialFacts } from '../analysis/credentials';
import { flagTestSuggestion, isBooleanSwitch } from '../analysis/describe';
import { importedVerificationLibrary } from '../analysis/frameworks';
import type { RouteFacts } from '../analysis/maturity';
import { claimFor } from '../analysis/names';
import { staticString } from '../analysis/syntax';

export type Options = [];
export type MessageIds =
  | 'untrustedHeader'
  | 'untrustedPathParam'
  | 'untrustedQuery'
  | 'untrustedCookie'
  | 'untrustedBody'
  | 'untrustedArgument'
  | 'suggestVerifiedClaim'
  | 'suggestVerifiedClaimTest'
  | 'suggestVerifyRoute';

type FindingMessageId = Exclude<MessageIds, `suggest${string}`>;

const MESSAGE_BY_SOURCE: Record<SourceKind, FindingMessageId> = {
  header: 'untrustedHeader',
  'path param': 'untrustedPathParam',
  query: 'untrustedQuery',
  cookie: 'untrustedCookie',
  body: 'untrustedBody',
  argument: 'untrustedArgument',
};

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

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
      suggestVerifiedClaimTest: 'Test the verified token instead: `{{test}}`.',
      suggestVerifyRoute: "Verify a token on {{routes}} first: add `{{middleware}}` ahead of the route's handlers (the decision stays reported until it uses the verified claims).",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        const verifiedNames = analysis.verifiedClaimNames;
        const reported = new Set<TSESTree.Node>();
        for (const decision of analysis.decisions) {
          // `role !== 'admin' && role !== 'owner'` is one decision on one value: report it once.
          const originsInDecision = new Set<string>();
          // Each operand as the routes reaching it see it, settled once for both questions below.
          const settled = new Map(decision.operands.map((operand) => [operand, analysis.settle(operand.values, operand.node)]));
          const againstClaims = comparedWithClaims(decision.operands, (operand) => settled.get(operand)!);
          for (const operand of decision.operands) {
            if (reported.has(operand.node) || operand.presence || againstClaims.has(operand)) continue;
            const untrusted = bestOrigin(settled.get(operand)!.filter((value): value is UntrustedValue => value.trust === 'untrusted'));
            if (!untrusted) continue;
            const originKey = `${untrusted.source}|${untrusted.name ?? ''}`;
            if (originsInDecision.has(originKey)) continue;
            originsInDecision.add(originKey);
            reported.add(operand.node);
            report(operand, untrusted, verifiedNames, analysis.claimsPath);
          }
        }
      },
    };

    /**
     * Operands of an equality whose other side holds verified claims once the chain is known (a header the
     * middleware set from the token): `userId !== params.customerId` is an ownership check, not a decision on the id.
     */
    function comparedWithClaims(operands: readonly DecisionOperand[], settled: (operand: DecisionOperand) => readonly TrustValue[]): Set<DecisionOperand> {
      const byComparison = new Map<TSESTree.Node, DecisionOperand[]>();
      for (const operand of operands) {
        const comparison = operand.node.parent;
        if (comparison?.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==?$/.test(comparison.operator)) continue;
        byComparison.set(comparison, [...(byComparison.get(comparison) ?? []), operand]);
      }
      const anchored = new Set<DecisionOperand>();
      for (const sides of byComparison.values()) {
        if (sides.length === 2 && sides.some((side) => settled(side).some((value) => value.trust === 'verified'))) for (const side of sides) anchored.add(side);
      }
      return anchored;
    }

    function report(operand: DecisionOperand, untrusted: UntrustedValue, verifiedNames: readonly string[], fileClaimsPath: string | undefined): void {
      // A switch's test is rewritten where the decision is; any other value where it is read.
      const switchTest = isBooleanSwitch(untrusted);
      const access = claimsAccessAt(sourceCode, context.settings, context.filename, switchTest ? operand.node : untrusted.node);
      const rewrite =
        access.kind !== 'verified'
          ? undefined
          : switchTest
            ? flagTestSuggestion(untrusted, operand.node, access.claimsPath, verifiedNames)
            : claimSuggestion(untrusted, access.claimsPath, verifiedNames);
      const suggest: Suggestion[] = [];
      if (rewrite) {
        suggest.push(
          switchTest
            ? { messageId: 'suggestVerifiedClaimTest', data: { test: rewrite.text }, fix: (fixer) => fixer.replaceText(rewrite.node, rewrite.text) }
            : { messageId: 'suggestVerifiedClaim', data: { claim: rewrite.text }, fix: (fixer) => fixer.replaceText(rewrite.node, rewrite.text) },
        );
      }
      const middleware = access.kind === 'unverified' ? verifierFor(access.routes) : undefined;
      if (access.kind === 'unverified' && middleware) suggest.push(addVerifier(access.routes, middleware));
      reportFinding(
        context,
        {
          node: operand.node,
          messageId: MESSAGE_BY_SOURCE[untrusted.source],
          data: {
            origin: describeValue(untrusted),
            where: originLine(untrusted, operand.node),
            remedy: remedyFor(access, untrusted, rewrite && !switchTest ? rewrite.text : undefined, fileClaimsPath, middleware, verifiedNames),
          },
          suggest,
        },
        { origin: { description: describeValue(untrusted), node: untrusted.node } },
      );
    }

    /** What the message tells the developer to do, given where verified claims can be read. */
    function remedyFor(
      access: ClaimsAccess,
      untrusted: UntrustedValue,
      claim: string | undefined,
      fileClaimsPath: string | undefined,
      middleware: DeclaredMiddleware | undefined,
      verifiedNames: readonly string[],
    ): string {
      if (claim) return `use the verified claim \`${claim}\` instead`;
      // Where the route verifies no token, or the file cannot tell, the claim is named but not written in.
      const named = isBooleanSwitch(untrusted) ? undefined : claimSuggestion(untrusted, fileClaimsPath, verifiedNames)?.text;
      if (access.kind === 'unverified') {
        const library = importedVerificationLibrary(new Set([...getCredentialFacts(sourceCode, context.settings, context.filename).moduleBindings.values()].map((binding) => binding.module)));
        const how = middleware ? ` (add \`${middleware.name}\`)` : library ? ` (e.g. with ${library}, which this file imports)` : '';
        const then = named ? `use the verified claim \`${named}\`` : `take it from the verified claims${claimHint(untrusted.name)}`;
        return `no token is verified on the route, so first verify one${how}, then ${then}`;
      }
      return named ? `use the verified claim \`${named}\` instead` : `take it from a verified token's claims instead${claimHint(untrusted.name)}`;
    }

    /** Verified-token middleware the file declares, of the routes' framework and declared before all of them. */
    function verifierFor(routes: readonly RouteFacts[]): DeclaredMiddleware | undefined {
      return declaredVerifiers(sourceCode, context.settings).find((middleware) =>
        routes.every(({ route }) => route.framework === middleware.framework && middleware.declaration.range[1] <= route.node.range[0] && handlerArgument(route.node)),
      );
    }

    function addVerifier(routes: readonly RouteFacts[], middleware: DeclaredMiddleware): Suggestion {
      const names = routes.map(({ route }) => `${route.method} ${route.path}`);
      return {
        messageId: 'suggestVerifyRoute',
        data: { routes: names.join(', '), middleware: middleware.name },
        fix: (fixer) => routes.map(({ route }) => fixer.insertTextBefore(handlerArgument(route.node)!, `${middleware.name}, `)),
      };
    }
  },
});

/** The first middleware or handler argument of a route registration (`app.get('/x', h)` → `h`). */
function handlerArgument(registration: TSESTree.Node): TSESTree.Node | undefined {
  if (registration.type !== 'CallExpression' || registration.callee.type !== 'MemberExpression') return undefined;
  return registration.arguments.find((argument) => argument.type !== 'SpreadElement' && staticString(argument) === undefined);
}

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
