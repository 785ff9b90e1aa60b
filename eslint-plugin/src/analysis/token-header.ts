/**
 * Hand-written token verification that trusts the token's own header: a branch that accepts the `none`
 * algorithm, an algorithm read from the header and handed to a verifier, and keys the token chooses (`jku`,
 * `x5u`, `jwk`, `x5c`, jose's `EmbeddedJWK`, a `kid` used as a file path). The header is attacker-written, so
 * none of it may decide how the token is checked. require-jwt-validation reports these.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { branchOutcome } from './deny';
import { calleeName, calleeObject, isFunctionNode, memberName, staticString, unwrap } from './syntax';
import type { FunctionNode } from './types';

export type HeaderProblemKind = 'accepts-none' | 'algorithm-from-token' | 'key-from-token';

export interface HeaderProblem {
  kind: HeaderProblemKind;
  /** Where the header value is used: the `none` comparison, the verifier argument, the key fetch. */
  node: TSESTree.Node;
  /** The header field as written (`alg`, `jku`, `kid`) or `EmbeddedJWK`. */
  field: string;
  fn: FunctionNode | null;
}

/** Header fields that choose a key: a URL to fetch keys from, an embedded key, a certificate chain. */
const KEY_FIELDS = new Set(['jku', 'x5u', 'jwk', 'x5c']);
const HEADER_FIELDS = new Set(['alg', 'kid', ...KEY_FIELDS]);
/** Calls that check a value against a list rather than use it: `ALLOWED.includes(header.jku)`. */
const CHECKING_CALLS = new Set(['includes', 'has', 'indexOf', 'startsWith', 'endsWith', 'test', 'match', 'some', 'every', 'find', 'equal', 'strictEqual']);
/** Calls that take an algorithm to verify with. */
const VERIFYING_CALL = /verify|decode|createHmac|createVerify|importJWK|importSPKI|importX509/i;
/** Calls that read a file or build its path: a `kid` there chooses the key file. */
const FILE_CALLS = new Set(['readFile', 'readFileSync', 'createReadStream', 'join', 'resolve', 'require', 'open', 'openSync']);
const FETCHING_RECEIVER = /axios|got|https?|fetch|request|superagent|needle|undici|client/i;

/**
 * The header-field reads of the file (`header.alg`, `const { jku } = header`), found in the file's shared node
 * list, and what their uses do. `nodes` are the file's nodes with the function around each.
 */
export function headerProblems(
  sourceCode: TSESLint.SourceCode,
  nodes: readonly { node: TSESTree.Node; fn: FunctionNode | null }[],
  isEmbeddedJwk: (node: TSESTree.Identifier) => boolean,
): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  for (const { node, fn } of nodes) {
    if (node.type === AST_NODE_TYPES.Identifier && isEmbeddedJwk(node) && isArgument(node)) {
      problems.push({ kind: 'key-from-token', node, field: 'EmbeddedJWK', fn });
      continue;
    }
    const read = headerRead(sourceCode, node);
    if (!read) continue;
    for (const use of usesOf(sourceCode, read.value)) {
      const kind = problemAt(use, read.field, sourceCode.visitorKeys);
      if (kind) problems.push({ kind, node: kind === 'accepts-none' ? (comparisonOf(use) ?? noneCaseOf(outermost(use))!) : use, field: read.field, fn });
    }
  }
  return problems;
}

/** `header.alg`, `decoded.header['jku']`, or `alg` in `const { alg } = header`: the field and the expression that holds it. */
function headerRead(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): { field: string; value: TSESTree.Node } | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const field = memberName(node);
    return field && HEADER_FIELDS.has(field) && isTokenHeader(sourceCode, node.object, 0) ? { field, value: node } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Property || node.parent?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const field = node.key.type === AST_NODE_TYPES.Identifier && !node.computed ? node.key.name : staticString(node.key);
  const declarator = node.parent.parent;
  if (!field || !HEADER_FIELDS.has(field) || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  const value = unwrap(node.value);
  return value.type === AST_NODE_TYPES.Identifier && isTokenHeader(sourceCode, declarator.init, 0) ? { field, value } : undefined;
}

/**
 * A decoded token header: a name that says so (`header`, `jwtHeader`), `decoded.header`, jose's
 * `decodeProtectedHeader(token)`, or a constant holding one of these.
 */
function isTokenHeader(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): boolean {
  const bare = unwrap(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  if (bare.type === AST_NODE_TYPES.MemberExpression) return memberName(bare) === 'header';
  if (bare.type === AST_NODE_TYPES.CallExpression) return calleeName(bare) === 'decodeProtectedHeader' || isFirstSegmentParse(bare);
  if (bare.type !== AST_NODE_TYPES.Identifier) return false;
  if (/header$/i.test(bare.name) && !/protected/i.test(bare.name)) return true;
  const init = depth < 3 ? initializerOf(sourceCode, bare) : undefined;
  return !!init && isTokenHeader(sourceCode, init, depth + 1);
}

/** `JSON.parse(atob(token.split('.')[0]))`: the first segment of a JWT, decoded by hand, is its header. */
function isFirstSegmentParse(call: TSESTree.CallExpression): boolean {
  if (calleeName(call) !== 'parse' || call.arguments.length === 0) return false;
  const stack: TSESTree.Node[] = [call.arguments[0]!];
  for (let seen = 0; stack.length > 0 && seen < 30; seen++) {
    const node = unwrap(stack.pop()!);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const split = unwrap(node.object);
      if (node.computed && staticString(node.property) === undefined && node.property.type === AST_NODE_TYPES.Literal && node.property.value === 0) {
        if (split.type === AST_NODE_TYPES.CallExpression && calleeName(split) === 'split' && staticString(split.arguments[0]) === '.') return true;
      }
      stack.push(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      stack.push(node.callee, ...node.arguments);
    }
  }
  return false;
}

function initializerOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier): TSESTree.Node | undefined {
  const def = variableOf(sourceCode, node)?.defs[0];
  return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
}

function variableOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Where a header value is used: the read itself, and the reads of a constant it initialises
 * (`const alg = header.alg`, `const { alg } = header`).
 */
function usesOf(sourceCode: TSESLint.SourceCode, value: TSESTree.Node): TSESTree.Node[] {
  let holder: TSESTree.Identifier | undefined;
  if (value.type === AST_NODE_TYPES.Identifier) holder = value;
  else if (value.parent?.type === AST_NODE_TYPES.VariableDeclarator && value.parent.init === value && value.parent.id.type === AST_NODE_TYPES.Identifier) {
    holder = value.parent.id;
  }
  if (!holder) return [value];
  const variable = variableOf(sourceCode, holder);
  return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier as TSESTree.Node);
}

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

function problemAt(use: TSESTree.Node, field: string, keys: VisitorKeys): HeaderProblemKind | undefined {
  if (field === 'alg') {
    const comparison = comparisonOf(use);
    if (comparison) return acceptsOnEqual(comparison, keys) ? 'accepts-none' : undefined;
    const noneCase = noneCaseOf(outermost(use));
    if (noneCase) return accepts(caseBody(noneCase), keys) ? 'accepts-none' : undefined;
    const call = argumentCall(use);
    return call && VERIFYING_CALL.test(calleeName(call) ?? '') ? 'algorithm-from-token' : undefined;
  }
  const call = argumentCall(use);
  if (!call) return undefined;
  const name = calleeName(call) ?? '';
  if (CHECKING_CALLS.has(name)) return undefined;
  if (field === 'kid') return FILE_CALLS.has(name) ? 'key-from-token' : undefined;
  if (name === 'get' || name === 'request') {
    const receiver = calleeObject(call);
    return receiver && FETCHING_RECEIVER.test(receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : '') ? 'key-from-token' : undefined;
  }
  return 'key-from-token';
}

/** `alg === 'none'`, `alg.toLowerCase() == 'none'`, `'none' === alg`: the comparison with `none` the use is in. */
function comparisonOf(use: TSESTree.Node): TSESTree.BinaryExpression | undefined {
  let current: TSESTree.Node = outermost(use);
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current && /^to(Lower|Upper)Case$/.test(memberName(parent) ?? '')) {
    if (parent.parent?.type === AST_NODE_TYPES.CallExpression) current = parent.parent;
  }
  const comparison = current.parent;
  if (comparison?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(comparison.operator)) return undefined;
  const other = comparison.left === current ? comparison.right : comparison.left;
  return staticString(other)?.toLowerCase() === 'none' ? comparison : undefined;
}

/** A value as its parent sees it, through type assertions and non-null assertions (`header.alg!`, `alg as string`). */
function outermost(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && TYPE_WRAPPERS.has(current.parent.type) && (current.parent as { expression?: TSESTree.Node }).expression === current) current = current.parent;
  return current;
}

const TYPE_WRAPPERS: ReadonlySet<string> = new Set([AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSSatisfiesExpression, AST_NODE_TYPES.TSTypeAssertion]);

/** `switch (header.alg) { case 'none': … }`: the case the `none` algorithm takes, when the use is what is switched on. */
function noneCaseOf(use: TSESTree.Node): TSESTree.SwitchCase | undefined {
  const statement = use.parent;
  if (statement?.type !== AST_NODE_TYPES.SwitchStatement || statement.discriminant !== use) return undefined;
  return statement.cases.find((candidate) => candidate.test && staticString(candidate.test)?.toLowerCase() === 'none');
}

/** What a case runs: its own statements, or those of the next case with any when it falls through empty. */
function caseBody(switchCase: TSESTree.SwitchCase): readonly TSESTree.Statement[] {
  const cases = (switchCase.parent as TSESTree.SwitchStatement).cases;
  for (let at = cases.indexOf(switchCase); at < cases.length; at++) if (cases[at]!.consequent.length > 0) return cases[at]!.consequent;
  return [];
}

/** Whether the branch taken when the algorithm is `none` lets the token through. */
function acceptsOnEqual(comparison: TSESTree.BinaryExpression, keys: VisitorKeys): boolean {
  const negated = comparison.operator.startsWith('!');
  let current: TSESTree.Node = comparison;
  // `if (alg === 'none' && allowUnsigned)`: the branch is still taken for `none`.
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression && current.parent.operator === '&&' && !negated) current = current.parent;
  const condition = current.parent;
  if (condition?.type !== AST_NODE_TYPES.IfStatement && condition?.type !== AST_NODE_TYPES.ConditionalExpression) return false;
  if (condition.test !== current) return false;
  const branch = negated ? condition.alternate : condition.consequent;
  if (branch) return accepts([branch], keys);
  // `if (alg !== 'none') throw …; return payload;`: the code after the statement is where `none` goes.
  return condition.type === AST_NODE_TYPES.IfStatement && !!negated && exits(condition.consequent) && acceptsAfter(condition, keys);
}

/** A branch that always leaves: it ends in `throw` or `return`. */
function exits(branch: TSESTree.Statement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body[branch.body.length - 1] : branch;
  return last?.type === AST_NODE_TYPES.ThrowStatement || last?.type === AST_NODE_TYPES.ReturnStatement;
}

function acceptsAfter(statement: TSESTree.IfStatement, keys: VisitorKeys): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const rest = block.body.slice(block.body.indexOf(statement) + 1);
  return rest.length > 0 && accepts(rest, keys);
}

/** Statements that return something (the payload, `true`) or call `next()`, and neither throw nor deny. */
function accepts(statements: readonly TSESTree.Node[], keys: VisitorKeys): boolean {
  if (branchOutcome(statements, false).denies) return false;
  // An expression branch (`alg === 'none' ? payload : verify()`) is the value itself.
  const only = statements.length === 1 ? statements[0]! : undefined;
  let accepted = !!only && only.type !== AST_NODE_TYPES.BlockStatement && only.type !== AST_NODE_TYPES.ReturnStatement && !isStatement(only) && !isRejecting(only);
  const stack: TSESTree.Node[] = [...statements];
  for (let seen = 0; stack.length > 0 && seen < 200; seen++) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ThrowStatement) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (!node.argument || isRejecting(node.argument)) return false;
      accepted = true;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'next' && node.arguments.length === 0) accepted = true;
    if (isFunctionNode(node)) continue;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
      }
    }
  }
  return accepted;
}

function isStatement(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration');
}

/** `false`, `null`, `undefined`, an error value. */
function isRejecting(node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal) return bare.value === false || bare.value === null;
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === 'undefined';
  return bare.type === AST_NODE_TYPES.NewExpression && /Error$/.test(calleeName(bare) ?? '');
}

/** The call the value is an argument of: directly, or inside array and object literals that are its arguments. */
function argumentCall(use: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let current: TSESTree.Node = outermost(use);
  for (let depth = 0; depth < 6 && current.parent; depth++) {
    const parent: TSESTree.Node = current.parent;
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      return parent;
    }
    const passes =
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      (parent.type === AST_NODE_TYPES.Property && parent.value === current) ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+');
    if (!passes) return undefined;
    current = outermost(parent);
  }
  return undefined;
}

function isArgument(node: TSESTree.Node): boolean {
  return !!argumentCall(node);
}
