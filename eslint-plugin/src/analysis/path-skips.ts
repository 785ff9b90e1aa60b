/**
 * Paths that authentication code lets through without running: an allow-list at the top of a middleware
 * (`if (publicPaths.includes(req.path)) return next()`), the same test in the `catch` of its verification, a hook
 * that returns early (`if (request.url.startsWith('/auth')) return`), and a wrapper that skips a middleware for
 * some paths (express-unless's `jwt(…).unless({ path: ['/login'] })`). The facts such code establishes hold only
 * on the routes it does not let through; the project index knows a route's full path and drops them there.
 *
 * Tests are kept as plain data and matched against route paths as strings, never compiled into a `RegExp`: a
 * regular-expression literal in the project counts only when it is a plain anchored literal (`/^\/public/`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { declaredValue, findVariable, objectLiteralOf } from '../util/find-variable';
import { VOCABULARY } from './framework-models';
import { importRefOf, type ImportRef } from './imports';
import { pathTextOf, staticValueOf, stringsOf } from './static-values';
import { dottedPath, isFunctionNode, memberName, propertyValue, staticString, unwrap } from './syntax';

/** One way a request's path can be let through; `methods`, when set, narrows it to those HTTP methods. */
export type PathTest = PathMatch | PathList;

interface PathTestOptions {
  methods?: readonly string[];
  /**
   * The path is read relative to where the middleware is mounted (Express's `req.path` in a router), so the
   * route's path inside its own router file counts as well as its full path.
   */
  relative?: true;
}

export interface PathMatch extends PathTestOptions {
  /** `exact`: the path is `path`; `prefix`: it starts with it; `contains`: it holds it anywhere. */
  kind: 'exact' | 'prefix' | 'contains';
  path: string;
}

/**
 * A list another file exports (`import { PUBLIC_PATHS } from './config'`), read where it is declared (see
 * `pathListsOf`) once the project is linked: its entries as written (`entries`), or each string as an exact path or a
 * prefix, as the test that uses it says.
 */
export interface PathList extends PathTestOptions {
  kind: 'list';
  /** The file the import is written in, and the import. */
  from: string;
  ref: ImportRef;
  as: 'entries' | 'exact' | 'prefix';
  /** The prefix the middleware is used under (`app.use('/api', auth)`), which relative entries are read below. */
  under?: string;
}

/** The entries a list test stands for, from the file that declares the list; [] where it cannot be read. */
export type ListReader = (list: PathList) => readonly PathMatch[];

/** The file whose code the tests are read in. */
export interface PathSource {
  sourceCode: TSESLint.SourceCode;
  filename: string;
}

const PATH_MEMBERS = VOCABULARY.request.pathMembers;
const REQUEST_VIEWS = new Set([...VOCABULARY.request.members].flatMap(([name, member]) => ('request' in member ? [name] : [])));
const SKIP_WRAPPERS = VOCABULARY.routing.skipWrappers;
const PASS_ON_CALLS = VOCABULARY.request.passOnCalls;
/** Conditions with more parts than this are not read: no real allow-list is written so. */
const MAX_TEST_PARTS = 64;
/** Regular-expression literals longer than this are not read as paths. */
const MAX_PATTERN_LENGTH = 1_000;

/** True when one of the tests lets the route through: it runs none of the code the tests guard. */
export function skipsRoute(tests: readonly PathTest[], method: string, fullPath: string, localPath: string, readList: ListReader = () => []): boolean {
  return tests.flatMap((test) => (test.kind === 'list' ? listEntries(test, readList) : [test])).some((test) => {
    if (test.methods && !test.methods.includes(method.toUpperCase())) return false;
    return pathPasses(test, fullPath) || (test.relative === true && localPath !== fullPath && pathPasses(test, localPath));
  });
}

/** The entries of a list as the test that reads it takes them, with the test's methods and reading of the path. */
function listEntries(list: PathList, readList: ListReader): PathMatch[] {
  const entries = readList(list).flatMap((entry): PathMatch[] => {
    if (list.as !== 'entries' && (entry.kind !== 'exact' || entry.methods)) return [];
    const kind = list.as === 'prefix' ? 'prefix' : entry.kind;
    const methods = list.methods ?? entry.methods;
    return [{ kind, path: entry.path, ...(methods ? { methods } : {}), ...(list.relative ? { relative: true } : {}) }];
  });
  return list.under === undefined ? entries : underPrefix(entries, list.under).filter((test): test is PathMatch => test.kind !== 'list');
}

/**
 * Tests of middleware used under a prefix (`app.use('/api', auth)`): a path it reads relative to the mount
 * (`req.path === '/login'`) is also the prefix's path below it (`/api/login`).
 */
export function underPrefix(tests: readonly PathTest[], prefix: string): PathTest[] {
  const base = prefix.replace(/\/+$/, '');
  if (base === '') return [...tests];
  return tests.flatMap((test): PathTest[] => {
    if (!test.relative || test.kind === 'contains') return [test];
    if (test.kind === 'list') return [test, { ...test, under: base }];
    return [test, { ...test, path: `${base}${test.path.startsWith('/') ? '' : '/'}${test.path}` }];
  });
}

/**
 * The path lists a declaration holds, for other files' tests to read (see PathList): an array of paths (`''`), or
 * the arrays an object holds by key (`{ publicRoutes: […] }`). Only entries that read as paths are kept.
 */
export function pathListsOf(source: PathSource, node: TSESTree.Node): Record<string, PathMatch[]> | undefined {
  const bare = resolved(source.sourceCode, node);
  const lists: Record<string, PathMatch[]> = {};
  const add = (key: string, value: TSESTree.Node) => {
    const list = resolved(source.sourceCode, value);
    if (list.type !== AST_NODE_TYPES.ArrayExpression && staticString(list) === undefined) return;
    const entries = wrapperEntries(source, list).filter((entry): entry is PathMatch => entry.kind !== 'list' && (entry.kind !== 'exact' || /^[/$]/.test(entry.path)));
    if (entries.length > 0) lists[key] = entries;
  };
  if (bare.type === AST_NODE_TYPES.ArrayExpression || staticString(bare) !== undefined) add('', bare);
  else if (bare.type === AST_NODE_TYPES.ObjectExpression && bare.properties.length <= MAX_TEST_PARTS) {
    for (const property of bare.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) add(property.key.name, property.value);
    }
  }
  return Object.keys(lists).length > 0 ? lists : undefined;
}

function pathPasses(test: PathMatch, routePath: string): boolean {
  const path = fromVariable(routePath === '' ? '/' : routePath);
  const tested = fromVariable(test.path);
  if (test.kind === 'exact') return path === tested || path === `${tested}/` || `${path}/` === tested;
  if (test.kind === 'prefix') return path.startsWith(tested);
  return path.includes(tested);
}

/** `/${API_URL}/users` as a mount joins it and `${API_URL}/users` as a list spells it are one path. */
function fromVariable(path: string): string {
  return path.startsWith('/${') ? path.slice(1) : path;
}

/**
 * `mw.unless({ path: […] })` and its kin from the models: the middleware wrapped, and the paths the wrapper lets
 * through; undefined for any other expression or when the option cannot be read.
 */
export function skipWrapperOf(source: PathSource, node: TSESTree.Node): { wrapped: TSESTree.Node; tests: PathTest[] } | undefined {
  const { sourceCode } = source;
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const option = SKIP_WRAPPERS.get(memberName(callee) ?? '');
  const options = call.arguments[0] && objectLiteralOf(sourceCode, call.arguments[0]);
  if (option === undefined || !options) return undefined;
  const value = propertyValue(options, option.pathOption);
  const methods = option.methodOption ? stringList(sourceCode, propertyValue(options, option.methodOption)) : undefined;
  const tests = value ? wrapperEntries(source, value) : [];
  if (methods && methods.length > 0) tests.push({ kind: 'prefix', path: '', methods: methods.map((name) => name.toUpperCase()) });
  return tests.length > 0 ? { wrapped: callee.object, tests } : undefined;
}

/** `'/login'`, `/^\/public/`, `{ url: '/items', methods: ['GET'] }`, or an array of them (through a `const`). */
function wrapperEntries(source: PathSource, node: TSESTree.Node): PathTest[] {
  const { sourceCode } = source;
  const imported = importedList(source, node, 'entries');
  if (imported) return [imported];
  const bare = resolved(sourceCode, node);
  if (bare.type === AST_NODE_TYPES.ArrayExpression) {
    return bare.elements.length > MAX_TEST_PARTS ? [] : bare.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? wrapperEntries(source, element) : []));
  }
  if (bare.type === AST_NODE_TYPES.ObjectExpression) {
    const url = propertyValue(bare, 'url');
    const methods = stringList(sourceCode, propertyValue(bare, 'methods') ?? propertyValue(bare, 'method'));
    const tests = url ? wrapperEntries(source, url) : [];
    return methods ? tests.map((test) => ({ ...test, methods: methods.map((name) => name.toUpperCase()) })) : tests;
  }
  const regex = regexTests(bare);
  if (regex.length > 0) return regex;
  const text = pathTextOf(sourceCode, bare);
  return text !== undefined ? [{ kind: 'exact', path: text }] : [];
}

/**
 * The paths a chain link lets through: those of the middleware it names (see pathSkipsOf), and those of the wrapped
 * middleware a factory returns (`function authJwt() { return expressJwt(…).unless({ path }) }`), whether the link
 * calls the factory (`app.use(authJwt())`) or exports it.
 */
export function linkSkipsOf(source: PathSource, node: TSESTree.Node): PathTest[] {
  const bare = resolved(source.sourceCode, node);
  if (isFunctionNode(bare)) return [...pathSkipsOf(source, bare), ...returnedSkips(source, bare)];
  if (bare.type !== AST_NODE_TYPES.CallExpression) return [];
  const factory = functionOf(source.sourceCode, bare.callee);
  return factory ? returnedSkips(source, factory) : [];
}

/** The paths the wrapped middleware a function returns lets through. */
function returnedSkips(source: PathSource, fn: TSESTree.FunctionLike): PathTest[] {
  const { sourceCode } = source;
  if (!fn.body) return [];
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body[fn.body.body.length - 1] : undefined;
  const value = fn.body.type !== AST_NODE_TYPES.BlockStatement ? fn.body : returned?.type === AST_NODE_TYPES.ReturnStatement ? returned.argument : undefined;
  return value ? (skipWrapperOf(source, resolved(sourceCode, value))?.tests ?? []) : [];
}

/**
 * The paths a middleware or hook lets through before it authenticates: `if (<path test>) return next()` among its
 * first statements, and the same in the `catch` of a leading `try` (a bad token is then fine on those paths).
 */
function pathSkipsOf(source: PathSource, node: TSESTree.Node): PathTest[] {
  const fn = functionOf(source.sourceCode, node);
  if (!fn?.body || fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const request = fn.params[0];
  if (request?.type !== AST_NODE_TYPES.Identifier) return [];
  const continuations = new Set(fn.params.slice(1).flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const context: TestContext = { ...source, request: request.name, continuations, bound: new Map() };
  const tests: PathTest[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration && (!mayAuthenticate(statement) || holdsPathTests(statement, context))) continue;
    if (isLogging(statement)) continue;
    if (statement.type === AST_NODE_TYPES.TryStatement) {
      if (statement.handler) tests.push(...leadingSkips(statement.handler.body.body, context));
      break;
    }
    const skipped = statement.type === AST_NODE_TYPES.IfStatement ? ifSkips(statement, context) : [];
    if (skipped.length === 0) break;
    tests.push(...skipped);
  }
  return tests;
}

interface TestContext extends PathSource {
  /** The request parameter's name. */
  request: string;
  /** The other parameters' names: calling one of them (`next()`, `done()`) hands the request on. */
  continuations: ReadonlySet<string>;
  /** Parameters of a callback that stand for each entry of a list (`paths.some((p) => req.path.startsWith(p))`). */
  bound: ReadonlyMap<string, readonly TSESTree.Node[]>;
}

function leadingSkips(statements: readonly TSESTree.Statement[], context: TestContext): PathTest[] {
  const tests: PathTest[] = [];
  for (const statement of statements) {
    const skipped = statement.type === AST_NODE_TYPES.IfStatement ? ifSkips(statement, context) : [];
    if (skipped.length === 0) break;
    tests.push(...skipped);
  }
  return tests;
}

/** `if (<path test>) return next();`: the paths the test names, when the branch goes on without the rest. */
function ifSkips(statement: TSESTree.IfStatement, context: TestContext): PathTest[] {
  // With an `else`, the authentication sits there: a branch that only calls `next()` hands the request on.
  if (!passesOn(statement.consequent, context, statement.alternate !== null)) return [];
  return pathTests(statement.test, context);
}

/**
 * A branch that hands the request on untouched: `return next()`, `next(); return;`, or a bare `return` (a Fastify
 * hook goes on when it returns; elsewhere the request would hang, which no one writes after a path test).
 */
function passesOn(branch: TSESTree.Statement, context: TestContext, elseFollows = false): boolean {
  const statements = (branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch]).filter((statement) => !isLogging(statement));
  const last = statements[statements.length - 1];
  if (!last || statements.length > 2) return false;
  const callsNext = (node: TSESTree.Node | null | undefined): boolean => {
    const bare = node ? unwrap(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node) : undefined;
    if (bare?.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(bare.callee);
    return callee.type === AST_NODE_TYPES.Identifier ? context.continuations.has(callee.name) : PASS_ON_CALLS.has(dottedPath(callee) ?? '');
  };
  if (statements.length === 2) {
    const first = statements[0]!;
    return first.type === AST_NODE_TYPES.ExpressionStatement && callsNext(first.expression) && last.type === AST_NODE_TYPES.ReturnStatement && !last.argument;
  }
  if (elseFollows && last.type === AST_NODE_TYPES.ExpressionStatement) return callsNext(last.expression);
  if (last.type !== AST_NODE_TYPES.ReturnStatement) return false;
  return last.argument ? callsNext(last.argument) : true;
}

/** `console.log(req.path)`: a statement that changes nothing for the request. */
function isLogging(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = unwrap(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(call.callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'console';
}

/** The paths a condition holds for, when it is made of path tests only (`||` of them, `&&` with a method test). */
function pathTests(test: TSESTree.Node, context: TestContext, parts = { count: 0 }): PathTest[] {
  if (++parts.count > MAX_TEST_PARTS) return [];
  const bare = unwrap(test);
  if (bare.type === AST_NODE_TYPES.LogicalExpression && bare.operator === '||') {
    const left = pathTests(bare.left, context, parts);
    const right = left.length > 0 ? pathTests(bare.right, context, parts) : [];
    return right.length > 0 ? [...left, ...right] : [];
  }
  if (bare.type === AST_NODE_TYPES.LogicalExpression && bare.operator === '&&') {
    // `req.method === 'GET' && req.path.startsWith('/public')`: the path test, for that method only.
    const methods = methodTest(bare.left, context) ?? methodTest(bare.right, context);
    const paths = methods ? pathTests(methodTest(bare.left, context) ? bare.right : bare.left, context, parts) : [];
    return paths.map((path) => ({ ...path, methods: path.methods ? path.methods.filter((name) => methods!.includes(name)) : methods! }));
  }
  const methods = methodTest(bare, context);
  if (methods) return [{ kind: 'prefix', path: '', methods }];
  // `const isPublic = PUBLIC.includes(req.path); if (isPublic) …`.
  if (bare.type === AST_NODE_TYPES.Identifier && !context.bound.has(bare.name)) {
    const declared = declaredValue(context.sourceCode, bare);
    return declared && !isFunctionNode(declared) ? pathTests(declared, context, parts) : [];
  }
  const predicate = predicateTests(bare, context, parts);
  if (predicate) return predicate;
  if (bare.type === AST_NODE_TYPES.BinaryExpression && (bare.operator === '===' || bare.operator === '==')) {
    const [subject, other] = pathMember(bare.left, context) ? [bare.left, bare.right] : [bare.right, bare.left];
    const relative = pathMember(subject, context);
    return relative === undefined ? [] : valuesOf(other, context).flatMap((value) => exact(value, relative, context));
  }
  if (bare.type !== AST_NODE_TYPES.CallExpression || bare.callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = memberName(bare.callee);
  const receiver = bare.callee.object;
  const argument = bare.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return [];
  const onPath = pathMember(receiver, context);
  // `req.path.startsWith('/public')`, `req.url.includes('/docs')`.
  if (onPath !== undefined && (method === 'startsWith' || method === 'includes')) {
    return valuesOf(argument, context).flatMap((value): PathTest[] => {
      const imported = method === 'startsWith' ? importedList(context, value, 'prefix') : undefined;
      if (imported) return [withRelative(imported, onPath)];
      const text = staticString(value);
      return text === undefined ? [] : [withRelative({ kind: method === 'startsWith' ? 'prefix' : 'contains', path: text }, onPath)];
    });
  }
  // `req.path.match(/^\/public/)`.
  if (onPath !== undefined && method === 'match') return valuesOf(argument, context).flatMap((value) => regexOf(value, onPath));
  const argumentPath = pathMember(argument, context);
  // `PUBLIC.includes(req.path)`, `/^\/public/.test(req.path)`.
  if (argumentPath !== undefined && method === 'includes') return valuesOf(receiver, context, true).flatMap((value) => exact(value, argumentPath, context));
  if (argumentPath !== undefined && method === 'test') return valuesOf(receiver, context).flatMap((value) => regexOf(value, argumentPath));
  // `PUBLIC.some((p) => req.path.startsWith(p))`: the callback's test, once for each entry.
  if ((method === 'some' || method === 'find') && isFunctionNode(argument) && argument.params[0]?.type === AST_NODE_TYPES.Identifier) {
    const body = argument.body.type === AST_NODE_TYPES.BlockStatement ? returnedExpression(argument.body) : argument.body;
    const entries = valuesOf(receiver, context, true);
    if (!body || entries.length === 0) return [];
    const bound = new Map(context.bound).set(argument.params[0].name, entries);
    return pathTests(body, { ...context, bound }, parts);
  }
  return [];
}

/**
 * `isPublic(req)` of a same-file function that answers from path tests: `if (<test>) return true;` statements and a
 * last `return false` (or `return <test>`), or an arrow returning a test. Undefined when the call is not one.
 */
function predicateTests(node: TSESTree.Node, context: TestContext, parts: { count: number }): PathTest[] | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const argument = node.arguments[0];
  if (!argument || unwrap(argument).type !== AST_NODE_TYPES.Identifier || (unwrap(argument) as TSESTree.Identifier).name !== context.request) return undefined;
  const fn = functionOf(context.sourceCode, node.callee);
  const param = fn?.params[0];
  if (!fn?.body || param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const inner: TestContext = { ...context, request: param.name, bound: new Map() };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return pathTests(fn.body, inner, parts);
  const tests: PathTest[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && returnsLiteral(statement.consequent, true)) {
      const found = pathTests(statement.test, inner, parts);
      if (found.length === 0) return [];
      tests.push(...found);
    } else if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) {
      if (returnsLiteral(statement, false)) return tests;
      const found = pathTests(statement.argument, inner, parts);
      return found.length > 0 ? [...tests, ...found] : [];
    } else if (!(statement.type === AST_NODE_TYPES.VariableDeclaration && !mayAuthenticate(statement))) {
      return [];
    }
  }
  return [];
}

/** `return true;` (or `{ return true; }`) for `value` true, `return false;` for false. */
function returnsLiteral(statement: TSESTree.Statement, value: boolean): boolean {
  const only = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0]! : statement;
  if (only.type !== AST_NODE_TYPES.ReturnStatement || !only.argument) return false;
  const returned = unwrap(only.argument);
  return returned.type === AST_NODE_TYPES.Literal && returned.value === value;
}

/** `req.method === 'OPTIONS'`: the methods the condition holds for. */
function methodTest(test: TSESTree.Node, context: TestContext): string[] | undefined {
  const bare = unwrap(test);
  if (bare.type !== AST_NODE_TYPES.BinaryExpression || (bare.operator !== '===' && bare.operator !== '==')) return undefined;
  const isMethod = (node: TSESTree.Node) => {
    const member = unwrap(node);
    return member.type === AST_NODE_TYPES.MemberExpression && memberName(member) === 'method' && requestBelow(member.object, context);
  };
  const value = isMethod(bare.left) ? staticString(bare.right) : isMethod(bare.right) ? staticString(bare.left as TSESTree.Node) : undefined;
  return value !== undefined ? [value.toUpperCase()] : undefined;
}

function exact(value: TSESTree.Node, relative: boolean, context: TestContext): PathTest[] {
  const imported = importedList(context, value, 'exact');
  if (imported) return [withRelative(imported, relative)];
  const text = staticString(value);
  if (text !== undefined) return [withRelative({ kind: 'exact', path: text }, relative)];
  return regexOf(value, relative);
}

function regexOf(value: TSESTree.Node, relative: boolean): PathTest[] {
  return regexTests(unwrap(value)).map((test) => withRelative(test, relative));
}

function withRelative<T extends PathTest>(test: T, relative: boolean): T {
  return relative ? { ...test, relative: true } : test;
}

/** An imported name standing for a list of paths (`PUBLIC_PATHS` from `./config`), as a list test of the given kind. */
function importedList(source: PathSource, node: TSESTree.Node, as: PathList['as']): PathList | undefined {
  const bare = unwrap(node);
  if (bare.type !== AST_NODE_TYPES.Identifier && bare.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const ref = importRefOf(source.sourceCode, source.filename, bare);
  return ref ? { kind: 'list', from: source.filename, ref, as } : undefined;
}

/**
 * The request's path, read off the request parameter (`req.path`, `ctx.request.path`, `c.req.path`), or a `const`
 * holding it: true when the framework reads it relative to the mount, false when it is the full path.
 */
function pathMember(node: TSESTree.Node, context: TestContext): boolean | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier && bare.name !== context.request) return pathBinding(bare, context);
  // `req.path`, `ctx.request.path`, `req.nextUrl.pathname`: the members below the request, as the models name them.
  const members = bare.type === AST_NODE_TYPES.MemberExpression ? memberPathBelow(bare, context) : undefined;
  return members ? pathKind(members) : undefined;
}

function pathKind(members: readonly string[]): boolean | undefined {
  const kind = members.length > 0 ? PATH_MEMBERS.get(members.join('.')) : undefined;
  return kind === undefined ? undefined : kind === 'mount';
}

/** `const path = req.path` or `const { pathname } = req.nextUrl`: a name bound to the request's path. */
function pathBinding(identifier: TSESTree.Identifier, context: TestContext): boolean | undefined {
  const def = findVariable(context.sourceCode.getScope(identifier), identifier.name)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const { id, init } = def.node;
  if (id.type === AST_NODE_TYPES.Identifier) return unwrap(init).type === AST_NODE_TYPES.Identifier ? undefined : pathMember(init, context);
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const property = id.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && unwrap(entry.value as TSESTree.Node).type === AST_NODE_TYPES.Identifier && (unwrap(entry.value as TSESTree.Node) as TSESTree.Identifier).name === identifier.name);
  const key = property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  if (key === undefined) return undefined;
  const prefix = memberPathBelow(init, context);
  return prefix ? pathKind([...prefix, key]) : undefined;
}

/** `req.nextUrl` → `['nextUrl']`, `req` → `[]`: the members of the request an expression reads, a few deep. */
function memberPathBelow(node: TSESTree.Node, context: TestContext): string[] | undefined {
  const members: string[] = [];
  let object = unwrap(node);
  while (object.type === AST_NODE_TYPES.MemberExpression && !requestBelow(object, context)) {
    const name = memberName(object);
    if (name === undefined || members.length >= 3) return undefined;
    members.unshift(name);
    object = unwrap(object.object);
  }
  return requestBelow(object, context) ? members : undefined;
}

/** The request parameter, or a view of it one level down (`ctx.request`, `c.req`). */
function requestBelow(node: TSESTree.Node, context: TestContext): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === context.request;
  return bare.type === AST_NODE_TYPES.MemberExpression && REQUEST_VIEWS.has(memberName(bare) ?? '') && unwrap(bare.object).type === AST_NODE_TYPES.Identifier && (unwrap(bare.object) as TSESTree.Identifier).name === context.request;
}

/**
 * The values an expression stands for: itself, the entries of a callback parameter bound to a list, or (with
 * `list`) the elements of an array literal, also through a `const`.
 */
function valuesOf(node: TSESTree.Node, context: TestContext, list = false): TSESTree.Node[] {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier && context.bound.has(bare.name)) return [...context.bound.get(bare.name)!];
  // What another file exports stays a name: the test it is used in reads it as a list (see importedList).
  if (importedList(context, bare, 'entries')) return [bare];
  const value = resolved(context.sourceCode, bare);
  if (!list) return [value];
  if (value.type !== AST_NODE_TYPES.ArrayExpression || value.elements.length > MAX_TEST_PARTS) return [];
  return value.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? [resolved(context.sourceCode, element)] : []));
}

/** An identifier's `const` value in this file, a few names deep; anything else as it is. */
function resolved(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node {
  let bare = unwrap(node);
  for (let depth = 0; depth < 4 && bare.type === AST_NODE_TYPES.Identifier; depth++) {
    const declared = declaredValue(sourceCode, bare);
    if (!declared) break;
    bare = unwrap(declared);
  }
  return bare;
}

/** A string, or an array of strings, as a `const` may hold it (`methods: ['GET', 'OPTIONS']`). */
function stringList(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined): string[] | undefined {
  return node ? stringsOf(staticValueOf(sourceCode, node)) : undefined;
}

function returnedExpression(body: TSESTree.BlockStatement): TSESTree.Node | undefined {
  const only = body.body.length === 1 ? body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : undefined;
}

/** The function a link runs: the expression itself, or what a same-file name holds. */
function functionOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  const bare = resolved(sourceCode, node);
  if (isFunctionNode(bare)) return bare;
  return undefined;
}

/** `const isPublic = PUBLIC.includes(req.path)`: a declaration that only tests the path. */
function holdsPathTests(declaration: TSESTree.VariableDeclaration, context: TestContext): boolean {
  return declaration.declarations.every((declarator) => declarator.init !== null && (isPlainRead(declarator.init) || pathTests(declarator.init, context).length > 0));
}

/** A declaration before the allow-list that may already authenticate: one that calls or awaits anything. */
function mayAuthenticate(declaration: TSESTree.VariableDeclaration): boolean {
  return declaration.declarations.some((declarator) => declarator.init !== null && !isPlainRead(declarator.init));
}

/** Reads of members and literals only (`req.headers.authorization`, `req.path`): nothing runs. */
function isPlainRead(node: TSESTree.Node): boolean {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal || bare.type === AST_NODE_TYPES.Identifier) return true;
  if (bare.type === AST_NODE_TYPES.MemberExpression) return isPlainRead(bare.object) && (!bare.computed || isPlainRead(bare.property));
  if (bare.type === AST_NODE_TYPES.ArrayExpression) return bare.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isPlainRead(element));
  if (bare.type === AST_NODE_TYPES.LogicalExpression) return isPlainRead(bare.left) && isPlainRead(bare.right);
  if (bare.type === AST_NODE_TYPES.ChainExpression) return isPlainRead(bare.expression);
  return false;
}

/**
 * A regular-expression literal made of plain paths, read without building a `RegExp`: alternatives at the top
 * (`/^\/public|\/user\/login/`), `^` and `$` anchors, escaped characters, and a trailing `.*`, `(.*)` or `/?`
 * are understood. When any alternative is something else, the literal is not a test we can read: none is returned.
 */
function regexTests(node: TSESTree.Node): PathTest[] {
  const pattern = regexSource(node);
  if (pattern === undefined) return [];
  const alternatives = topLevelAlternatives(pattern);
  const tests = alternatives.map(alternativeTest);
  return tests.every((test): test is PathTest => test !== undefined) ? tests : [];
}

/** The source of a regular-expression literal, or of `new RegExp('…')` / `RegExp('…')` with a literal and no flags. */
function regexSource(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return 'regex' in node && node.regex ? node.regex.pattern : undefined;
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'RegExp' || node.arguments.length !== 1) return undefined;
  return staticString(node.arguments[0]);
}

/** `a|b(c|d)` → `['a', 'b(c|d)']`; an unbalanced or oversized pattern gives one alternative, itself. */
function topLevelAlternatives(pattern: string): string[] {
  if (pattern.length > MAX_PATTERN_LENGTH) return [pattern];
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') i++;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(pattern.slice(from));
  return parts.length > MAX_TEST_PARTS ? [pattern] : parts;
}

function alternativeTest(pattern: string): PathTest | undefined {
  let source = pattern;
  const start = source.startsWith('^');
  if (start) source = source.slice(1);
  let end = source.endsWith('$') && !source.endsWith('\\$');
  if (end) source = source.slice(0, -1);
  for (const open of ['(.*)', '.*', '(/.*)?', '(\\/.*)?', '/?', '\\/?', '(/)?', '(\\/)?']) {
    if (source.endsWith(open) && !source.endsWith(`\\${open}`)) {
      source = source.slice(0, -open.length);
      // Whatever may follow, the path only has to start with the rest.
      if (open.includes('*')) end = false;
      break;
    }
  }
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const escaped = source[++i];
      if (escaped === undefined || /[A-Za-z0-9]/.test(escaped)) return undefined;
      text += escaped;
    } else if ('.*+?()[]{}|^$'.includes(char)) {
      return undefined;
    } else {
      text += char;
    }
  }
  if (text === '') return start && !end ? { kind: 'prefix', path: '' } : undefined;
  if (start) return { kind: end ? 'exact' : 'prefix', path: text };
  // Anchored at the end only (`/\/health$/`) is a suffix, which no test here stands for.
  return end ? undefined : { kind: 'contains', path: text };
}
