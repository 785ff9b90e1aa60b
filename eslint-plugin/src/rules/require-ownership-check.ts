import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { describeValue, getAnalysis, type FileAnalysis, type ServiceCall, type UntrustedValue } from '../analysis';
import { isGatedOnCaller } from '../analysis/maturity';
import { namesSubject } from '../analysis/names';
import { clientValue, OwnershipChecks, type UncheckedAccess } from '../analysis/ownership';
import { getRouteModel } from '../analysis/routes';
import { calleeName, dottedPath, unwrap } from '../analysis/syntax';
import type { LinkedAccess } from '../project/index';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';

export type Options = [];
export type MessageIds = 'missingOwnershipCheck' | 'unscopedServiceCall' | 'ownedRecordWithoutAuthentication' | 'serviceAccessWithoutOwnerCheck';

/** Who may be calling the code at an access, as the routes reaching it say. */
interface CallerContext {
  /** A verified token or a server-side session identifies the caller. */
  verified: boolean;
  /** Every route reaching the code gates it on verified roles (or checks the caller's identity) before it runs. */
  gated: boolean;
  /** Routes of the project are known to reach the code, so "no authentication" is a fact rather than a guess. */
  linked: boolean;
  /** What holds the verified subject on these routes, for the remedy (`req.auth.payload.sub`, `req.session.userId`). */
  subject: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-ownership-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require records loaded, changed or deleted by a client-supplied id to be checked against the verified caller.',
      blocksLevel: 3,
    },
    schema: [],
    messages: {
      missingOwnershipCheck:
        "{{operation}} a record by {{origin}} without checking that it belongs to the caller; scope the query by the verified subject (e.g. `{{claim}}`) or compare the record's owner with it and answer 403 or 404.",
      unscopedServiceCall:
        "{{operation}} a record through `{{service}}` by {{origin}} with no ownership check here and without handing the service the verified caller, so any signed-in user can reach any record; unless the service checks the owner another way, pass the verified subject (e.g. `{{claim}}`) and compare it with the record's owner, answering 403 or 404.",
      ownedRecordWithoutAuthentication:
        "{{operation}} a record of {{model}}, which is owned through '{{ownerField}}', by {{origin}} on a route that authenticates nobody, so anyone can reach anyone's record; authenticate the route and scope the query by the verified subject, or compare the record's owner with it and answer 403 or 404.",
      serviceAccessWithoutOwnerCheck:
        "`{{service}}` {{operationLower}} the {{model}} record by {{origin}} alone ({{where}}), and nothing checks that it belongs to the caller; pass the verified subject (e.g. `{{claim}}`) and filter by the record's owner in the service, or compare the owner here and answer 403 or 404.",
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        const services = analysis.serviceCalls;
        if (analysis.recordAccesses.length === 0 && services.length === 0) return;
        // Values as the routes reaching the code see them: what their middleware put on the request applied.
        const checks = new OwnershipChecks(analysis, (values, at) => analysis.settle(values, at), getRouteModel(context.sourceCode, context.filename).calls);
        const followed = new Set(services.map((service) => service.call));
        for (const resolved of analysis.recordAccesses) {
          // A call into a service the index follows is judged by what the service does (below).
          if (followed.has(resolved.access.call)) continue;
          const unchecked = checks.unchecked(resolved);
          const finding = unchecked && accessFinding(unchecked, analysis);
          if (finding) reportFinding(context, finding.descriptor, { origin: { description: describeValue(finding.origin), node: finding.origin.node } });
        }
        for (const service of services) {
          const finding = serviceFinding(service, analysis, checks);
          if (finding) reportFinding(context, finding.descriptor, { origin: { description: describeValue(finding.origin), node: finding.origin.node } });
        }
      },
    };
  },
});

type Descriptor = Parameters<typeof reportFinding<MessageIds>>[1];

function accessFinding({ access, model, origin }: UncheckedAccess, analysis: FileAnalysis): { descriptor: Descriptor; origin: UntrustedValue } | undefined {
  const caller = callerContext(access.call, analysis);
  const owned = model !== undefined && model.ownerFields.length > 0;
  if (caller.gated || (!caller.verified && !owned)) return undefined;
  const data = { operation: access.operation, origin: describeValue(origin), claim: caller.subject };
  // The model's owner field makes the remedy the filter to write (`authorId: session.user.id`).
  const filter = owned ? { ...data, claim: `${model.ownerFields[0]!}: ${caller.subject}` } : data;
  const unauthenticated = unauthenticatedOwner(access.node, data, caller, model);
  if (unauthenticated) return { descriptor: unauthenticated, origin };
  if (access.service !== undefined) {
    return { descriptor: { node: access.node, messageId: 'unscopedServiceCall', data: { ...data, service: `${access.service}.${calleeName(access.call) ?? 'method'}()` } }, origin };
  }
  return { descriptor: { node: access.node, messageId: 'missingOwnershipCheck', data: filter }, origin };
}

/**
 * A call of a service that reads, changes or deletes a record by a parameter: reported at the call that passes the
 * client id, unless the call also passes the verified caller to a parameter the service filters by or compares.
 */
function serviceFinding({ call, facts }: ServiceCall, analysis: FileAnalysis, checks: OwnershipChecks): { descriptor: Descriptor; origin: UntrustedValue } | undefined {
  const verifiedAt = (index: number) => analysis.argumentValues(call, { index, path: [] }).some((value) => value.trust === 'verified');
  const compared = facts.compared.some((comparison) => verifiedAt(comparison.param));
  for (const access of facts.accesses) {
    const origin = clientValue(analysis.argumentValues(call, access.param));
    if (!origin || compared) continue;
    // The service filters by what this call passes there: scoped when that is the verified caller.
    if (access.scopedBy.some((param) => !analysis.argumentValues(call, param).some((value) => value.trust === 'untrusted'))) continue;
    const caller = callerContext(call, analysis);
    const owned = access.resolvedModel !== undefined && access.resolvedModel.ownerFields.length > 0;
    if (caller.gated || (!caller.verified && !owned) || checks.inFunction(call).checked) return undefined;
    return { descriptor: serviceDescriptor(call, access, origin, caller), origin };
  }
  return undefined;
}

/** An owned record reached on routes the project shows authenticate nobody: named with its model and owner field. */
function unauthenticatedOwner(node: TSESTree.Node, data: Record<string, string>, caller: CallerContext, model: { name: string; ownerFields: readonly string[] } | undefined): Descriptor | undefined {
  if (caller.verified || !caller.linked || !model) return undefined;
  return { node, messageId: 'ownedRecordWithoutAuthentication', data: { ...data, model: model.name || 'owned', ownerField: model.ownerFields[0]! } };
}

function serviceDescriptor(call: TSESTree.CallExpression, access: LinkedAccess, origin: UntrustedValue, caller: CallerContext): Descriptor {
  const callee = unwrap(call.callee);
  const node = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
  const model = access.resolvedModel;
  const data = { operation: access.operation, origin: describeValue(origin), claim: caller.subject };
  const unauthenticated = unauthenticatedOwner(node, data, caller, model);
  if (unauthenticated) return unauthenticated;
  return {
    node,
    messageId: 'serviceAccessWithoutOwnerCheck',
    data: {
      ...data,
      service: `${dottedPath(call.callee) ?? calleeName(call) ?? 'service'}()`,
      operationLower: access.operation.toLowerCase(),
      model: model?.name ? model.name : 'selected',
      where: `${access.callee}() at ${access.file}:${access.span.start.line}`,
    },
  };
}

/**
 * The routes reaching the code decide who calls it: a verified token or a server-side session on the chain, or a
 * role gate on the verified claims that lets administrators reach any record. Code no linked route reaches (a
 * file linted alone) has a verified caller when it reads verified claims.
 */
function callerContext(node: TSESTree.Node, analysis: FileAnalysis): CallerContext {
  const routes = analysis.routesAt(node);
  // Where the file reads no claims, where the routes' verification leaves them (`ctx.state.user` after koa-jwt).
  const leftBy = routes.flatMap((route) => route.facts.verifications.flatMap((verification) => (verification.claimsPath ? [verification.claimsPath] : [])))[0];
  const claim = `${analysis.claimsPath ?? leftBy ?? 'req.auth.payload'}.sub`;
  if (routes.length === 0) return { verified: analysis.claimsPath !== undefined, gated: false, linked: false, subject: claim };
  const open = routes.filter((route) => !isGatedOnCaller(route.facts.decisions));
  if (open.length === 0) return { verified: true, gated: true, linked: true, subject: claim };
  const session = open.flatMap((route) => route.facts.schemes.flatMap((scheme) => (scheme.session ? [scheme.session] : [])))[0];
  const restored = open.flatMap((route) => route.facts.verifications.flatMap((verification) => (verification.restores ? [verification.restores] : [])))[0];
  // A restored login session holds the user's record, whose key is its id; a token's subject claim is `sub`.
  const sessionUser = open.every((route) => route.facts.verifications.length > 0 && route.facts.verifications.every((verification) => verification.sessionBased));
  const subject = sessionUser && analysis.claimsPath !== undefined ? `${analysis.claimsPath}.id` : claim;
  const verified = open.some(
    (route) =>
      route.facts.verifications.length > 0 ||
      route.facts.schemes.some((scheme) => scheme.session) ||
      ((route.upstreamHidden || route.facts.unknown.length > 0) && analysis.claimsPath !== undefined),
  );
  // A router or resolver map mounted where this index cannot see may be authenticated there: no fact either way.
  const linked = open.some((route) => !route.upstreamHidden);
  return { verified, gated: false, linked, subject: analysis.claimsPath === undefined && session ? sessionSubject(session, restored) : subject };
}

/**
 * Who a session test says is signed in, as the remedy names it: `req.session.userId` is the subject already,
 * `session?.user` is the user whose id it is, and `req.isAuthenticated()` stands for the user its middleware restored.
 */
function sessionSubject(tested: string, restored: string | undefined): string {
  const holder = tested.endsWith(')') ? restored : tested.split('?.').join('.');
  if (holder === undefined) return tested;
  return namesSubject(holder.slice(holder.lastIndexOf('.') + 1)) ? holder : `${holder}.id`;
}

