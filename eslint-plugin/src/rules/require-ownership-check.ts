import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { describeValue, getAnalysis, type FileAnalysis, type TrustValue, type UntrustedValue } from '../analysis';
import { getFileFacts } from '../analysis/maturity';
import { isAuthorizationFunction, isIdentityKey, mentionsIdentityColumn } from '../analysis/names';
import { getRouteModel, type Range } from '../analysis/routes';
import { calleeName, dottedPath, memberName, propertyKeyName, rootIdentifier, staticString, unwrap } from '../analysis/syntax';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';

export type Options = [];
export type MessageIds = 'missingOwnershipCheck' | 'unscopedServiceCall';

const READS = /^(findById|findByPk|findOne|findOneBy|findOneOrFail|findOneByOrFail|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|getById)$/;
const CHANGES = /^(update|updateOne|updateById|findByIdAndUpdate|findOneAndUpdate|findOneAndReplace|replaceOne|upsert)$/;
const DELETES = /^(delete|deleteOne|deleteById|destroy|remove|findByIdAndDelete|findByIdAndRemove|findOneAndDelete|findOneAndRemove)$/;
const SQL_METHODS = /^(query|execute|raw|all|get|run)$/;
const ACCESS_METHODS = [READS, CHANGES, DELETES, SQL_METHODS];

/** Receivers that hold records: models (`Order`), repositories, ORM clients, collections. */
const DATA_RECEIVER = /repo|repository|model|prisma|db|database|collection|table|dao|knex|orm|manager|store|pool|client|sql/i;
/** Receivers that never hold records. */
const NOT_DATA = /^(req|request|res|response|reply|ctx|c|app|router|headers|params|query|cookies|Object|Array|JSON|Reflect|Promise|Map|Set|URLSearchParams|localStorage|sessionStorage)$/;

/** Services (`articleService`, `this.ordersService`): they change records for a handler that hands them an id. */
const SERVICE_RECEIVER = /service$/i;

/** Claims that name who the caller is or which tenant they act for. */
const IDENTITY_CLAIM = /(^|\.)(sub|oid|uid|user_?id|email|tenant(_?id)?|org(_?id)?|account(_?id)?|owner)$/i;

const CLIENT_SOURCES = new Set(['path param', 'query', 'body']);
const ID_KEY = /^(_?id|uuid|slug|key)$|Id$|_id$/;

type Operation = 'Reads' | 'Changes' | 'Deletes';

interface Access {
  operation: Operation;
  sql: boolean;
  /** Set when the call goes through a service, which may hold the ownership check itself. */
  service?: string;
}

interface ClientId {
  value: UntrustedValue;
  /** The filter objects and SQL parameters a verified claim could scope. */
  scopes: TSESTree.Node[];
  sql?: string;
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
    },
  },
  defaultOptions: [],
  create(context) {
    const accesses: ({ call: TSESTree.CallExpression } & Access)[] = [];
    return {
      CallExpression(call) {
        const access = recordAccess(call);
        if (access) accesses.push({ call, ...access });
      },
      'Program:exit'() {
        if (accesses.length === 0) return;
        const analysis = getAnalysis(context);
        // `ability.can('read', doc)` on a loaded record is a policy check even when no request value feeds it.
        const policyCalls = getRouteModel(context.sourceCode, context.filename).calls.filter(isPolicyCall);
        const routes = getFileFacts(context.sourceCode, context.settings, context.filename).routes;
        for (const { call, operation, sql, service } of accesses) {
          const id = sql ? sqlClientId(call, analysis) : clientId(call, analysis);
          if (!id || isScoped(id, analysis)) continue;
          if (service !== undefined && handsOverCaller(call, analysis)) continue;
          const chains = routes.filter(({ route }) => route.chain.some((link) => within(call, link.ranges))).map(({ route, facts }) => ({ route, facts }));
          const verifiedCaller = chains.length > 0
            ? chains.some(({ route, facts }) => facts.verifications.length > 0 || (route.mountedElsewhere && analysis.claimsPath !== undefined))
            : analysis.claimsPath !== undefined;
          const fn = analysis.functionContaining(call);
          if (!verifiedCaller || policyCalls.some((policy) => fn !== null && analysis.functionContaining(policy) === fn)) continue;
          if (ownerChecked(call, analysis, chains.flatMap(({ route }) => route.chain.flatMap((link) => link.ranges)))) continue;
          const callee = unwrap(call.callee) as TSESTree.MemberExpression;
          const data = { operation, origin: describeValue(id.value), claim: `${analysis.claimsPath ?? 'req.auth.payload'}.sub` };
          reportFinding(
            context,
            service !== undefined
              ? { node: callee.property, messageId: 'unscopedServiceCall', data: { ...data, service: `${service}.${memberName(callee) ?? 'method'}()` } }
              : { node: callee.property, messageId: 'missingOwnershipCheck', data },
            { origin: { description: describeValue(id.value), node: id.value.node } },
          );
        }
      },
    };
  },
});

/** A call that reads, changes or deletes records, by its method name and receiver. */
function recordAccess(call: TSESTree.CallExpression): Access | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  // Most calls are not record access: the method name decides before the receiver is looked at.
  if (!name || !ACCESS_METHODS.some((pattern) => pattern.test(name))) return undefined;
  const receiver = unwrap(callee.object);
  // `this.documents.findOne(…)` in a service or controller counts like a repository variable.
  const rootName = rootIdentifier(callee.object)?.name ?? (dottedRoot(receiver) === 'this' ? 'this' : undefined);
  const receiverName = receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined;
  if (!name || !rootName || NOT_DATA.test(rootName)) return undefined;
  // Reads through a service are too often meant for everyone; a change or a delete by a client id is the classic IDOR.
  if (receiverName !== undefined && SERVICE_RECEIVER.test(receiverName)) {
    if (CHANGES.test(name)) return { operation: 'Changes', sql: false, service: receiverName };
    if (DELETES.test(name)) return { operation: 'Deletes', sql: false, service: receiverName };
    return undefined;
  }
  const modelLike = /^[A-Z]/.test(rootName) || DATA_RECEIVER.test(rootName) || (receiverName !== undefined && (DATA_RECEIVER.test(receiverName) || /s$/.test(receiverName)));
  if (!modelLike) return undefined;
  if (SQL_METHODS.test(name) && sqlText(call.arguments[0]) !== undefined) return { operation: sqlOperation(sqlText(call.arguments[0])!), sql: true };
  if (READS.test(name)) return { operation: 'Reads', sql: false };
  if (CHANGES.test(name)) return { operation: 'Changes', sql: false };
  if (DELETES.test(name)) return { operation: 'Deletes', sql: false };
  return undefined;
}

/** The client-supplied id a call selects by: a direct argument or an id key of its filter (`where` included). */
function clientId(call: TSESTree.CallExpression, analysis: FileAnalysis): ClientId | undefined {
  const first = call.arguments[0];
  if (!first) return undefined;
  const bare = unwrap(first);
  if (bare.type !== AST_NODE_TYPES.ObjectExpression) {
    const value = clientValue(valuesAt(analysis, bare));
    return value ? { value, scopes: [] } : undefined;
  }
  // An owner or tenant key fed by the caller is no-untrusted-authorization's finding: one report per problem.
  if (filterObjects(bare).some((filter) => ownerKeyFromCaller(filter, analysis))) return undefined;
  for (const filter of filterObjects(bare)) {
    for (const property of filter.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKeyName(property);
      if (!key || !ID_KEY.test(key) || isIdentityKey(key)) continue;
      const value = clientValue(valuesAt(analysis, property.value));
      if (value) return { value, scopes: filterObjects(bare) };
    }
  }
  return undefined;
}

function ownerKeyFromCaller(filter: TSESTree.ObjectExpression, analysis: FileAnalysis): boolean {
  return filter.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = propertyKeyName(property);
    return !!key && isIdentityKey(key) && clientValue(valuesAt(analysis, property.value)) !== undefined;
  });
}

/** A filter and the nested `where` object ORMs put it in. */
function filterObjects(object: TSESTree.ObjectExpression): TSESTree.ObjectExpression[] {
  const filters = [object];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === 'where' && property.value.type === AST_NODE_TYPES.ObjectExpression) {
      filters.push(property.value);
    }
  }
  return filters;
}

/** `db.query('SELECT … WHERE id = $1', [req.params.id])` and the template-literal form. */
function sqlClientId(call: TSESTree.CallExpression, analysis: FileAnalysis): ClientId | undefined {
  const sql = sqlText(call.arguments[0]);
  if (sql === undefined || !/\bwhere\b/i.test(sql)) return undefined;
  const template = unwrap(call.arguments[0]!);
  const params = call.arguments[1] && unwrap(call.arguments[1]);
  const candidates: TSESTree.Node[] = [
    ...(template.type === AST_NODE_TYPES.TemplateLiteral ? template.expressions : []),
    ...(params?.type === AST_NODE_TYPES.ArrayExpression ? params.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement) : []),
  ];
  for (const candidate of candidates) {
    const value = clientValue(valuesAt(analysis, candidate));
    if (value) return { value, scopes: candidates, sql };
  }
  return undefined;
}

function sqlText(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  const text = bare.type === AST_NODE_TYPES.TemplateLiteral ? bare.quasis.map((quasi) => quasi.value.cooked).join('?') : staticString(bare);
  return text !== undefined && /^\s*(select|update|delete)\b/i.test(text) ? text : undefined;
}

function sqlOperation(sql: string): Operation {
  if (/^\s*update/i.test(sql)) return 'Changes';
  if (/^\s*delete/i.test(sql)) return 'Deletes';
  return 'Reads';
}

/** One value read from the path, query or body (not a whole container). */
function clientValue(values: readonly TrustValue[]): UntrustedValue | undefined {
  return values.find((value): value is UntrustedValue => value.trust === 'untrusted' && CLIENT_SOURCES.has(value.source) && !value.container);
}

/** True when the filter or the SQL parameters also carry a verified claim. */
function isScoped(id: ClientId, analysis: FileAnalysis): boolean {
  if (id.sql !== undefined && !mentionsIdentityColumn(id.sql)) return false;
  const nodes: TSESTree.Node[] = id.scopes.flatMap((scope): TSESTree.Node[] =>
    scope.type === AST_NODE_TYPES.ObjectExpression ? scope.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument)) : [scope],
  );
  return nodes.some((node) => valuesAt(analysis, node).some((value) => value.trust === 'verified'));
}

/**
 * An ownership check: in the same function, a decision on a verified claim (`doc.ownerId !== claims.sub`)
 * or an authorization call; on the route's chain, a decision on the caller's identity claim.
 */
function ownerChecked(call: TSESTree.CallExpression, analysis: FileAnalysis, chainRanges: readonly Range[]): boolean {
  const fn = analysis.functionContaining(call);
  return analysis.decisions.some((decision) => {
    const values = decision.operands.flatMap((operand) => analysis.settle(operand.values, operand.node));
    const verified = values.some((value) => value.trust === 'verified');
    if (decision.fn === fn && fn !== null) return verified || decision.kind === 'authorization-call';
    // A middleware such as `requireSelf` compares the caller's identity claim with the requested one.
    const identity = values.some((value) => value.trust === 'verified' && IDENTITY_CLAIM.test(value.name ?? ''));
    return identity && chainRanges.some(([start, end]) => decision.node.range[0] >= start && decision.node.range[0] < end);
  });
}

/** A service handed a verified claim (`delete(slug, user.id)`) can compare the owner itself. */
function handsOverCaller(call: TSESTree.CallExpression, analysis: FileAnalysis): boolean {
  return call.arguments.some((argument) => {
    const bare = unwrap(argument);
    const parts: TSESTree.Node[] = bare.type === AST_NODE_TYPES.ObjectExpression
      ? bare.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument))
      : [bare];
    return parts.some((part) => valuesAt(analysis, part).some((value) => value.trust === 'verified'));
  });
}

function isPolicyCall(call: TSESTree.CallExpression | TSESTree.NewExpression): call is TSESTree.CallExpression {
  const name = call.type === AST_NODE_TYPES.CallExpression ? calleeName(call) : undefined;
  return !!name && isAuthorizationFunction(name, dottedPath(call.callee), []);
}

function within(node: TSESTree.Node, ranges: readonly Range[]): boolean {
  return ranges.some(([start, end]) => node.range[0] >= start && node.range[1] <= end);
}

function dottedRoot(node: TSESTree.Node): string | undefined {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.ThisExpression ? 'this' : undefined;
}

/** Values as the routes reaching the code see them (what their middleware put on the request applied). */
function valuesAt(analysis: FileAnalysis, node: TSESTree.Node): TrustValue[] {
  return analysis.settle(analysis.valuesOf(node), node);
}
