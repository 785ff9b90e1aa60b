import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../util/find-variable';
import { getCredentialFacts, type Verification } from './credentials';
import { analyzeSourceCode } from './index';
import { middlewareFrameworkOf } from './library-models';
import { VOCABULARY } from './framework-models';
import { getFileFacts, type RouteFacts } from './maturity';
import type { Range, Route } from './routes';
import { isRequestLike } from './describe';
import { rootIdentifier, unwrap } from './syntax';

/**
 * Whether code at a node may read verified claims, and where: what a fix needs before it rewrites a header read
 * into a claim read. A rewrite on a route that verifies no token removes the finding and throws at run time.
 */
export type ClaimsAccess =
  /** The claims object as the code at the node reaches it (`req.auth.payload`, or `claims` bound in the function). */
  | { kind: 'verified'; claimsPath: string }
  /** Every route that runs the node is registered in this file and verifies no token. */
  | { kind: 'unverified'; routes: readonly RouteFacts[] }
  /** The file cannot say: middleware imported or added where a router is mounted, a verifier it cannot see… */
  | { kind: 'unknown' };

const UNKNOWN: ClaimsAccess = { kind: 'unknown' };
const RESOLVER_FRAMEWORK = VOCABULARY.routing.resolverRoutes.framework;

/**
 * Evidence, strongest first: the same function reads verified claims or verifies a token itself; otherwise every
 * route whose chain runs the node verifies a token that leaves its claims where a request handler reads them.
 * `settings.claimguard.claimsPath` names the claims object where the facts do not.
 */
export function claimsAccessAt(
  sourceCode: TSESLint.SourceCode,
  eslintSettings: Readonly<Record<string, unknown>> | undefined,
  filename: string,
  node: TSESTree.Node,
): ClaimsAccess {
  const analysis = analyzeSourceCode(sourceCode, eslintSettings, filename);
  const configured = analysis.settings.claimsPath;
  const fn = analysis.functionContaining(node);
  if (fn) {
    const read = analysis.verifiedClaimsReadIn(fn)[0];
    if (read) return { kind: 'verified', claimsPath: configured ?? read };
    const verification = getCredentialFacts(sourceCode, eslintSettings, filename).verifications.find((candidate) => candidate.fn === fn && !candidate.middleware);
    const bound = verification && boundClaims(sourceCode, verification, node);
    if (bound) return { kind: 'verified', claimsPath: bound };
  }
  const routes = getFileFacts(sourceCode, eslintSettings, filename).routes.filter(({ route }) => runs(route, node));
  if (routes.length === 0) return UNKNOWN;
  // A resolver reaches the request only through its context: a claims path is code it can run only from a read of
  // that context (`context.headers` → `context.auth`), never from one of its arguments (`args.role` → `req.auth`).
  if (routes.some(({ route }) => route.framework === RESOLVER_FRAMEWORK) && !isRequestLike(rootIdentifier(node)?.name ?? '')) return UNKNOWN;
  const unverified = routes.filter(({ route, facts }) => facts.verifications.length === 0 && facts.unknown.length === 0 && !route.mountedElsewhere);
  if (unverified.length > 0) return { kind: 'unverified', routes: unverified };
  // A route that verifies nothing here (mounted elsewhere, imported middleware) may or may not be verified: unknown.
  if (routes.some(({ facts }) => facts.verifications.length === 0)) return UNKNOWN;
  const provided = new Set(routes.map(({ facts }) => configured ?? facts.verifications.find((verification) => verification.claimsPath)?.claimsPath));
  const [claimsPath] = provided;
  return provided.size === 1 && claimsPath !== undefined ? { kind: 'verified', claimsPath } : UNKNOWN;
}

function runs(route: Route, node: TSESTree.Node): boolean {
  return route.chain.some((link) => link.ranges.some((range) => within(node, range)));
}

function within(node: TSESTree.Node, [start, end]: Range): boolean {
  return node.range[0] >= start && node.range[1] <= end;
}

/**
 * The name code at `node` reaches a verification's claims by, when the same function verified before it:
 * `const claims = jwt.verify(…)`, `const { payload } = await jwtVerify(…)`, `req.user = jwt.verify(…)`.
 */
function boundClaims(sourceCode: TSESLint.SourceCode, verification: Verification, node: TSESTree.Node): string | undefined {
  if (verification.node.range[1] > node.range[0]) return undefined;
  if (verification.claimsPath) return verification.claimsPath;
  let value: TSESTree.Node = verification.node;
  while (value.parent?.type === AST_NODE_TYPES.AwaitExpression || value.parent?.type === AST_NODE_TYPES.TSAsExpression) value = value.parent;
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return undefined;
  const member = verification.claimsMember;
  const id = declarator.id;
  const local =
    id.type === AST_NODE_TYPES.Identifier
      ? id
      : id.type === AST_NODE_TYPES.ObjectPattern && member
        ? memberBinding(id, member)
        : undefined;
  if (!local) return undefined;
  // The same variable must be the one the name means at the node (not shadowed, not in a block that has ended).
  const variable = findVariable(sourceCode.getScope(node), local.name);
  if (!variable?.identifiers.includes(local)) return undefined;
  return member && id.type === AST_NODE_TYPES.Identifier ? `${local.name}.${member}` : local.name;
}

/** `payload` (or its local name) in `const { payload } = await jwtVerify(…)`. */
function memberBinding(pattern: TSESTree.ObjectPattern, member: string): TSESTree.Identifier | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    const value = unwrap(property.value);
    if (key === member && value.type === AST_NODE_TYPES.Identifier) return value;
  }
  return undefined;
}

/** `checkJwt` in `const checkJwt = auth({…})`: verified-token middleware declared at the top of the file. */
export interface DeclaredMiddleware {
  name: string;
  /** The framework whose routes take it as an argument. */
  framework: 'express' | 'koa' | 'hono';
  declaration: TSESTree.VariableDeclarator;
}

/** Verified-token middleware this file declares at module level, which a fix can add to a route's arguments. */
export function declaredVerifiers(sourceCode: TSESLint.SourceCode, eslintSettings: Readonly<Record<string, unknown>> | undefined): DeclaredMiddleware[] {
  const found: DeclaredMiddleware[] = [];
  for (const verification of getCredentialFacts(sourceCode, eslintSettings).verifications) {
    const framework = middlewareFrameworkOf(verification.library);
    const declarator = verification.middleware?.parent;
    if (!framework || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const declaration = declarator.parent;
    const statement = declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
    if (statement?.parent?.type !== AST_NODE_TYPES.Program || declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    found.push({ name: declarator.id.name, framework, declaration: declarator });
  }
  return found;
}
