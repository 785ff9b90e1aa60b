import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunctionNode, propertyKeyName, staticString, statusCode, unwrap } from './syntax';
import { VOCABULARY } from './framework-models';

/** What a branch of a condition does with the request, as far as authorization is concerned. */
export interface BranchOutcome {
  /** Answers 401/403, throws a forbidden/unauthorized error, passes an error to `next`, or redirects to a login. */
  denies: boolean;
  /** Answers 400/422: input validation, not an access decision. */
  rejectsInput: boolean;
}

/** How many nodes of a branch are looked at; a deny is almost always in the first few statements. */
const SCAN_LIMIT = 400;

const DENY_ERROR = /Forbidden|Unauthori[sz]ed|AccessDenied|PermissionDenied|NotAuthori[sz]ed|AuthenticationError|AuthorizationError|NotAllowed/;
const DENY_MESSAGE = /forbidden|unauthori[sz]ed|not allowed|access denied|permission denied|insufficient (scope|permission|privilege)|admins? only|not owned by|not (the|its|your) owner|(does not|doesn't) belong to|\bblocked\b|authenticat(ion|e)\b|not (logged|signed) in|(log|sign) ?in required|(invalid|expired|missing|no) (auth(orization)? )?token|token (is )?(invalid|expired|missing|required|not provided)/i;
const STATUS_METHODS = /^(status|sendStatus|code|writeHead|throw|assert|setStatus|abort|error)$/;
const BODY_WITH_STATUS_METHODS = /^(json|text|send|body|html|newResponse)$/;
const LOGIN_PATH = /log-?in|sign-?in|auth/i;
/** Calls that build an HTTP error (`createError(403)`, `forbidden()`): their name and status say what it is. */
const ERROR_FACTORY = /^(forbidden|unauthorized|createError|httpError|HttpError)$/i;

/** What a call that answers with its arguments on failure (`ctx.assert(ok, 403)`) does: a status, or an error to throw. */
export function failureOutcome(answer: readonly TSESTree.Node[]): BranchOutcome {
  const outcome = branchOutcome(answer, false);
  const statuses = answer.map(statusCode);
  if (statuses.some((status) => status === 401 || status === 403)) outcome.denies = true;
  // `ctx.assert(owned, 422, 'not owned by user')`: the message says the refusal is about whose record it is.
  if (answer.some((node) => DENY_MESSAGE.test(staticString(node) ?? ''))) outcome.denies = true;
  if (statuses.some((status) => status === 400 || status === 422)) outcome.rejectsInput = true;
  return outcome;
}

/** Scans branches (not nested functions) for deny and validation signals. */
export function branchOutcome(branches: readonly (TSESTree.Node | null | undefined)[], guardFunction: boolean): BranchOutcome {
  const outcome: BranchOutcome = { denies: false, rejectsInput: false };
  const stack: TSESTree.Node[] = branches.filter((branch): branch is TSESTree.Node => !!branch);
  let seen = 0;
  while (stack.length > 0 && seen < SCAN_LIMIT && !outcome.denies) {
    const node = stack.pop()!;
    seen++;
    classify(node, outcome, guardFunction);
    if (isFunctionNode(node)) continue;
    for (const child of childrenOf(node)) stack.push(child);
  }
  return outcome;
}

function classify(node: TSESTree.Node, outcome: BranchOutcome, guardFunction: boolean): void {
  const note = (status: number | undefined): void => {
    if (status === 401 || status === 403) outcome.denies = true;
    else if (status === 400 || status === 422) outcome.rejectsInput = true;
  };
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      classifyCall(node, outcome, note);
      break;
    case AST_NODE_TYPES.NewExpression: {
      const name = calleeName(node) ?? '';
      if (DENY_ERROR.test(name)) outcome.denies = true;
      if (/Error$|Exception$/.test(name) && errorMessages(node.arguments[0]).some((message) => DENY_MESSAGE.test(message))) outcome.denies = true;
      for (const argument of node.arguments) note(statusCode(argument));
      break;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      if (node.left.type === AST_NODE_TYPES.MemberExpression && /^(status|statusCode)$/.test(propertyName(node.left) ?? '')) note(statusCode(node.right));
      break;
    case AST_NODE_TYPES.Property: {
      const key = propertyKeyName(node);
      if (key === 'status' || key === 'statusCode') note(statusCode(node.value));
      // `new TRPCError({ code: 'FORBIDDEN' })`: error codes the framework models say deny.
      if (key === 'code' && VOCABULARY.denyCodes.has(staticString(node.value) ?? '')) outcome.denies = true;
      break;
    }
    case AST_NODE_TYPES.ReturnStatement:
      if (guardFunction && node.argument?.type === AST_NODE_TYPES.Literal && node.argument.value === false) outcome.denies = true;
      break;
    default:
      break;
  }
}

function classifyCall(node: TSESTree.CallExpression, outcome: BranchOutcome, note: (status: number | undefined) => void): void {
  const name = calleeName(node) ?? '';
  const callee = unwrap(node.callee);
  if (STATUS_METHODS.test(name)) note(statusCode(node.arguments[0]));
  if (BODY_WITH_STATUS_METHODS.test(name)) note(statusCode(node.arguments[1]));
  if (ERROR_FACTORY.test(name)) {
    if (/forbidden|unauthorized/i.test(name)) outcome.denies = true;
    note(statusCode(node.arguments[0]));
  }
  if (name === 'redirect' && node.arguments.some((argument) => LOGIN_PATH.test(redirectTarget(argument) ?? ''))) outcome.denies = true;
  // `next(err)` hands the request to the error handler instead of the route; `next('route')` only skips a route.
  // An error built right there says what it is (`next(new Error('Insufficient wallet balance'))` is no refusal of
  // access, `next(new ForbiddenError())` is); the scan reads it as it reads any error it meets.
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'next' && node.arguments[0]) {
    const argument = unwrap(node.arguments[0]);
    const named = staticString(argument);
    if (named !== 'route' && named !== 'router' && !isBuiltError(argument)) outcome.denies = true;
  }
}

/** `new Error(…)`, `createError(403)`: an error whose kind, status or message the scan reads where it is built. */
function isBuiltError(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return true;
  return node.type === AST_NODE_TYPES.CallExpression && ERROR_FACTORY.test(calleeName(node) ?? '');
}

/** The messages an error is built with: a string, or the strings of a list (`new ValidationError(['not owned by user'])`). */
function errorMessages(argument: TSESTree.Node | undefined): string[] {
  const bare = argument && unwrap(argument);
  const items = bare?.type === AST_NODE_TYPES.ArrayExpression ? bare.elements : [bare];
  return items.flatMap((item) => {
    const text = item && item.type !== AST_NODE_TYPES.SpreadElement ? literalText(item) : '';
    return text === '' ? [] : [text];
  });
}

/** The literal text of a message, with what is computed left out: `'Blocked illegal activity by ' + ip`. */
function literalText(node: TSESTree.Node): string {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.TemplateLiteral) return bare.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  if (bare.type === AST_NODE_TYPES.BinaryExpression && bare.operator === '+') {
    return `${literalText(bare.left)} ${literalText(bare.right)}`;
  }
  return staticString(bare) ?? '';
}

/** Where a redirect goes: `'/login'`, or the path of `new URL('/login', req.url)`. */
function redirectTarget(argument: TSESTree.Node): string | undefined {
  const bare = unwrap(argument);
  return bare.type === AST_NODE_TYPES.NewExpression && calleeName(bare) === 'URL' ? staticString(bare.arguments[0]) : staticString(bare);
}

function propertyName(node: TSESTree.MemberExpression): string | undefined {
  return !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
}

/** Direct children, in source order reversed for the stack (order does not matter for the scan). */
function childrenOf(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

function isNode(value: unknown): value is TSESTree.Node {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}
