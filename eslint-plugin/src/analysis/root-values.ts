/**
 * Schemas served with a root object of resolvers (`graphqlHTTP({ schema, rootValue, context })`, as the framework
 * models' `rootValues` say): which functions of the file resolve fields, with which parameters, and what builds their
 * context. Request shapes (frameworks.ts) read it for the resolvers' parameters, route discovery (routes.ts) for the
 * routes. Only a root object the file hands to such a server counts: an object merely named `rootValue` does not.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { declaredValue, objectLiteralOf } from '../util/find-variable';
import { VOCABULARY, type RootServer } from './framework-models';
import { calleePackageOf, isFromPackages, mentionsPackage } from './package-of';
import { calleeName, functionResult, propertyValue, isFunctionNode, memberName, propertyKeyName, staticString, unwrap } from './syntax';
import type { FunctionNode } from './types';
import { fileNodes } from './walk';

const ROOT_SERVERS = VOCABULARY.routing.rootValueServers;
const ROOT_PACKAGES = new Set([...ROOT_SERVERS.values()].flatMap((servers) => servers.flatMap((server) => server.packages)));
const OPERATION_TYPES = VOCABULARY.request.resolverOperations;
const SDL_BUILDERS = VOCABULARY.routing.sdlSchemaBuilders;
/** How many variables and spreads deep a root object or an options object is followed. */
const MAX_DEPTH = 8;

export interface RootField {
  name: string;
  /** The property that names the field: where its route is reported. */
  property: TSESTree.Property;
  fn: FunctionNode;
}

export interface RootValueServing {
  call: TSESTree.CallExpression;
  server: RootServer;
  fields: readonly RootField[];
  /** The context option's value, when the options give one. */
  context?: TSESTree.Node;
  /** The function of the request that returns the options (`graphqlHTTP((req) => ({ … }))`), when they are built per request. */
  optionsBuilder?: FunctionNode;
  /** The root operation type of each field, as the schema this file builds with `buildSchema` declares it. */
  operationTypes: ReadonlyMap<string, string>;
  /** The schema option's value: an import whose SDL, in its own file, names the fields' types, or a schema of object types. */
  schema?: TSESTree.Node;
}

/** What a root function's context is: the request, what a builder made, or nothing the code gives. */
export type RootContext = 'request' | 'built' | 'none';

interface FileRoots {
  servings: readonly RootValueServing[];
  byFunction: ReadonlyMap<FunctionNode, RootValueServing>;
}

const cache = new WeakMap<TSESLint.SourceCode, FileRoots>();

/** The root-value servers the file calls, with their root functions. */
export function rootValueServings(sourceCode: TSESLint.SourceCode): readonly RootValueServing[] {
  return rootsOf(sourceCode).servings;
}

/** The parameters of `fn` when it is a root function of a served schema: which holds the arguments, which the context and what it is. */
export function rootResolverOf(sourceCode: TSESLint.SourceCode, fn: FunctionNode): { argumentsParameter: number; contextParameter: number; context: RootContext } | undefined {
  const serving = rootsOf(sourceCode).byFunction.get(fn);
  if (!serving) return undefined;
  const { argumentsParameter, contextParameter, requestIsDefaultContext } = serving.server;
  const context: RootContext = serving.context ? 'built' : requestIsDefaultContext ? 'request' : 'none';
  return { argumentsParameter, contextParameter, context };
}

function rootsOf(sourceCode: TSESLint.SourceCode): FileRoots {
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const servings: RootValueServing[] = [];
  if (mentionsPackage(sourceCode, ROOT_PACKAGES)) {
    for (const node of fileNodes(sourceCode).nodes) {
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const serving = servingOf(sourceCode, node);
      if (serving) servings.push(serving);
    }
  }
  const byFunction = new Map<FunctionNode, RootValueServing>();
  for (const serving of servings) for (const field of serving.fields) if (!byFunction.has(field.fn)) byFunction.set(field.fn, serving);
  const roots = { servings, byFunction };
  cache.set(sourceCode, roots);
  return roots;
}

function servingOf(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): RootValueServing | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const candidates = name !== undefined ? ROOT_SERVERS.get(name) : undefined;
  if (!candidates) return undefined;
  const module = calleePackageOf(sourceCode, callee);
  const server = candidates.find((candidate) => isFromPackages(module, candidate.packages));
  const first = call.arguments[0];
  if (!server || !first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  let optionsBuilder: FunctionNode | undefined;
  let options = objectLiteralOf(sourceCode, first, 0);
  const bare = unwrap(first);
  if (!options && server.optionsPerRequest && isFunctionNode(bare)) {
    optionsBuilder = bare;
    options = returnedObject(sourceCode, bare);
  }
  if (!options) return undefined;
  const root = propertyValue(options, server.rootOption);
  const rootObject = root ? objectLiteralOf(sourceCode, root, 0) : undefined;
  const schema = propertyValue(options, 'schema');
  // With no root object the schema's own fields resolve (graphql-js object types): it is served all the same.
  if (!rootObject && !schema) return undefined;
  const context = server.contextOption !== undefined ? propertyValue(options, server.contextOption) : undefined;
  return {
    call,
    server,
    fields: rootObject ? fieldsOf(sourceCode, rootObject, 0) : [],
    ...(context ? { context } : {}),
    ...(optionsBuilder ? { optionsBuilder } : {}),
    operationTypes: schema ? schemaOperationTypes(sourceCode, schema) : new Map(),
    ...(schema ? { schema } : {}),
  };
}


/** The object an options builder returns: its arrow body, or the first object a `return` gives. */
function returnedObject(sourceCode: TSESLint.SourceCode, fn: FunctionNode): TSESTree.ObjectExpression | undefined {
  const result = functionResult(fn);
  return result ? objectLiteralOf(sourceCode, result, 0) : undefined;
}


/** The root object's functions: written in it, named from same-file declarations, or spread from other same-file objects. */
function fieldsOf(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression, depth: number): RootField[] {
  const fields: RootField[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = depth < MAX_DEPTH ? objectLiteralOf(sourceCode, property.argument, depth + 1) : undefined;
      if (spread) fields.push(...fieldsOf(sourceCode, spread, depth + 1));
      continue;
    }
    const name = propertyKeyName(property);
    const value = unwrap(property.value);
    const fn = isFunctionNode(value) ? value : value.type === AST_NODE_TYPES.Identifier ? declaredValue(sourceCode, value) : undefined;
    if (name !== undefined && fn && isFunctionNode(fn)) fields.push({ name, property, fn });
  }
  return fields;
}

/** `schema: buildSchema(`type Query { invoice(id: ID!): Invoice }`)`, through same-file variables: each root field's operation type. */
export function schemaOperationTypes(sourceCode: TSESLint.SourceCode, schema: TSESTree.Node): Map<string, string> {
  let current = unwrap(schema);
  for (let depth = 0; depth < MAX_DEPTH && current.type === AST_NODE_TYPES.Identifier; depth++) {
    const init = declaredValue(sourceCode, current);
    if (!init) break;
    current = unwrap(init);
  }
  if (current.type !== AST_NODE_TYPES.CallExpression || !SDL_BUILDERS.has(calleeName(current) ?? '')) return new Map();
  let source: TSESTree.Node | undefined = current.arguments[0];
  for (let depth = 0; depth < MAX_DEPTH && source && unwrap(source).type === AST_NODE_TYPES.Identifier; depth++) source = declaredValue(sourceCode, unwrap(source) as TSESTree.Identifier);
  const text = staticString(source);
  return text === undefined ? new Map() : sdlFieldTypes(text);
}

/**
 * The fields of the root operation types (`type Query { … }`, `extend type Mutation { … }`) in a schema's SDL, each
 * with its type. A token scan in one pass: names, punctuation, strings and comments skipped.
 */
export function sdlFieldTypes(sdl: string): Map<string, string> {
  const tokens = sdlTokens(sdl);
  const types = new Map<string, string>();
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '{') depth++;
    else if (token === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && token === 'type' && OPERATION_TYPES.has(tokens[i + 1] ?? '')) {
      const type = tokens[i + 1]!;
      let j = i + 2;
      while (j < tokens.length && tokens[j] !== '{' && tokens[j] !== '}') j++;
      // No body: nothing up to `j` opens one either, so the scan goes on from there (one pass, whatever the text).
      if (tokens[j] !== '{') {
        i = j - 1;
        continue;
      }
      i = fieldsOfType(tokens, j + 1, type, types);
    }
  }
  return types;
}

/** Reads the fields of one type body starting after its `{`; returns the index of its `}`. */
function fieldsOfType(tokens: readonly string[], start: number, type: string, into: Map<string, string>): number {
  let i = start;
  let expectField = true;
  let parens = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '(') parens++;
    else if (token === ')') parens = Math.max(0, parens - 1);
    else if (parens > 0) continue;
    else if (token === '}') return i;
    else if (token === ':') expectField = false;
    else if (token === '@') i++;
    else if (isName(token)) {
      if (expectField && !into.has(token)) into.set(token, type);
      // A field's type is one name (with `[`, `]`, `!` around it); the next name starts the next field.
      expectField = !expectField;
    }
  }
  return i;
}

function isName(token: string): boolean {
  const code = token.charCodeAt(0);
  return code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function sdlTokens(sdl: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < sdl.length) {
    const char = sdl[i]!;
    if (char === '#') {
      while (i < sdl.length && sdl[i] !== '\n') i++;
    } else if (char === '"') {
      const block = sdl.startsWith('"""', i);
      const close = block ? sdl.indexOf('"""', i + 3) : nextQuote(sdl, i + 1);
      i = close < 0 ? sdl.length : close + (block ? 3 : 1);
    } else if (isName(char)) {
      const begin = i;
      while (i < sdl.length && (isName(sdl[i]!) || (sdl[i]! >= '0' && sdl[i]! <= '9'))) i++;
      tokens.push(sdl.slice(begin, i));
    } else {
      if ('{}():@'.includes(char)) tokens.push(char);
      i++;
    }
  }
  return tokens;
}

/** The closing quote of a one-line string, past escapes. */
function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"' || text[i] === '\n') return i;
  }
  return -1;
}
