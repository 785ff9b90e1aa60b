/**
 * What a same-file expression statically evaluates to: literals, `const` bindings, object and array
 * literals (through variables, spreads and nested constants), `process.env` lookups and their literal
 * fallbacks. Anything else is `unknown`; the resolver never guesses.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable } from '../util/find-variable';
import { dottedPath, memberName, propertyKeyName } from './syntax';
import { fileNodes } from './walk';
import { spanOf, type Span } from './findings';
import { budgetOf } from './budget';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type Primitive = string | number | boolean | null | undefined;

/** A primitive known at lint time; `node` is where the value is written (e.g. the literal in a `const`). */
export interface LiteralValue {
  kind: 'literal';
  value: Primitive;
  node: TSESTree.Node;
}

/**
 * `process.env.NAME` (name undefined for a computed key), or a platform's environment binding (`env.NAME` in a
 * Worker, `c.env.NAME` in Hono, `import.meta.env.NAME`), whose text `holder` is then.
 */
export interface EnvValue {
  kind: 'env';
  name: string | undefined;
  holder?: string;
  node: TSESTree.Node;
}

/** `process.env.NAME || 'fallback'` or `?? 'fallback'`: the literal ships whenever the variable is unset. */
export interface EnvFallbackValue {
  kind: 'env-fallback';
  name: string | undefined;
  holder?: string;
  fallback: Primitive;
  /** The fallback literal. */
  node: TSESTree.Node;
}

export interface ObjectValue {
  kind: 'object';
  /** Known properties by key; a later spread of an unknown object turns earlier keys into `unknown`. */
  properties: ReadonlyMap<string, PropertyValue>;
  /** True when a spread of an unknown object may add keys this map does not list. */
  open: boolean;
  node: TSESTree.Node;
}

export interface PropertyValue {
  value: StaticValue;
  /** The `key: value` property that sets it, for reports and fixes. */
  property: TSESTree.Node;
}

export interface ArrayValue {
  kind: 'array';
  elements: readonly StaticValue[];
  /** True when a spread of an unknown array may add elements. */
  open: boolean;
  node: TSESTree.Node;
}

/** A function written in this file (a key callback, a `secretOrKeyProvider`). */
export interface FunctionValue {
  kind: 'function';
  node: TSESTree.Node;
}

export interface UnknownValue {
  kind: 'unknown';
  node: TSESTree.Node;
}

export type StaticValue =
  | LiteralValue
  | EnvValue
  | EnvFallbackValue
  | ObjectValue
  | ArrayValue
  | FunctionValue
  | UnknownValue;

/** Deep enough for real configuration chains, shallow enough that a cycle ends quickly. */
const MAX_DEPTH = 12;

const memo = new WeakMap<TSESTree.Node, StaticValue>();

/** The static value of `node`, memoized per node (nodes belong to one parse, so one cache serves every file). */
export function staticValueOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): StaticValue {
  const cached = memo.get(node);
  if (cached) return cached;
  const value = evaluate(sourceCode, node, 0);
  memo.set(node, value);
  return value;
}

/** A property of an object value by key, or undefined when the key is absent (or unknown, for open objects). */
export function propertyOf(value: StaticValue, key: string): PropertyValue | undefined {
  return value.kind === 'object' ? value.properties.get(key) : undefined;
}

/** Strings of a literal or an array of literals; undefined when any element is not known. */
export function stringsOf(value: StaticValue): string[] | undefined {
  if (value.kind === 'literal') return typeof value.value === 'string' ? [value.value] : undefined;
  if (value.kind !== 'array' || value.open) return undefined;
  const result: string[] = [];
  for (const element of value.elements) {
    if (element.kind !== 'literal' || typeof element.value !== 'string') return undefined;
    result.push(element.value);
  }
  return result;
}

function unknown(node: TSESTree.Node): UnknownValue {
  return { kind: 'unknown', node };
}

function evaluate(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): StaticValue {
  if (depth > MAX_DEPTH) return unknown(node);
  budgetOf(sourceCode).work.constants++;
  const next = (child: TSESTree.Node): StaticValue => evaluate(sourceCode, child, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return 'regex' in node && node.regex ? unknown(node) : { kind: 'literal', value: node.value as Primitive, node };
    case AST_NODE_TYPES.TemplateLiteral:
      return evaluateTemplate(node, next);
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(sourceCode, node, next);
    case AST_NODE_TYPES.MemberExpression:
      return node.object.type === AST_NODE_TYPES.ThisExpression ? evaluateClassField(sourceCode, node, next) : evaluateMember(node, next, sourceCode);
    case AST_NODE_TYPES.LogicalExpression:
      return evaluateLogical(node, next);
    case AST_NODE_TYPES.ConditionalExpression:
      return evaluateConditional(node, next);
    case AST_NODE_TYPES.UnaryExpression:
      return evaluateUnary(node, next);
    case AST_NODE_TYPES.BinaryExpression:
      return evaluateBinary(node, next);
    case AST_NODE_TYPES.ObjectExpression:
      return evaluateObject(node, next);
    case AST_NODE_TYPES.ArrayExpression:
      return evaluateArray(node, next);
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
      return { kind: 'function', node };
    // Type assertions, and `c.env?.JWT_SECRET`, which reads what `c.env.JWT_SECRET` does whenever it reads anything.
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return next(node.expression);
    default:
      return unknown(node);
  }
}

function evaluateTemplate(node: TSESTree.TemplateLiteral, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  let text = node.quasis[0].value.cooked ?? '';
  for (let i = 0; i < node.expressions.length; i++) {
    const part = next(node.expressions[i]);
    if (part.kind !== 'literal') return unknown(node);
    text += String(part.value) + (node.quasis[i + 1].value.cooked ?? '');
  }
  return { kind: 'literal', value: text, node };
}

/** Only bindings written once at their declaration are constants; anything reassigned is unknown. */
function evaluateIdentifier(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Identifier,
  next: (n: TSESTree.Node) => StaticValue,
): StaticValue {
  if (node.name === 'undefined') return { kind: 'literal', value: undefined, node };
  // By name from the node's own scope: passing the node makes findVariable rescan every child scope.
  const variable = findVariable(sourceCode.getScope(node), node.name);
  if (!variable || variable.defs.length !== 1) return unknown(node);
  const def = variable.defs[0];
  if (def.type === 'FunctionName') return { kind: 'function', node: def.node };
  if (def.type !== 'Variable') return unknown(node);
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return unknown(node);
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (def.parent.kind !== 'const' && writes.length > 1) return unknown(node);
  const value = next(declarator.init);
  return value.kind === 'object' ? withSectionWrites(variable, value, next) : value;
}

type Variable = NonNullable<ReturnType<typeof findVariable>>;

/** Section writes read per variable: every reference of `conf` asks, and the answer is the same for all of them. */
const sectionsRead = new WeakMap<Variable, ObjectValue>();
/** More sections than this make a table, not a config object: the rest leave it open. */
const MAX_SECTIONS = 64;

/**
 * `const conf = {}; conf.auth = { … }; module.exports = conf`: sections assigned beside the declaration belong to
 * the object. Any other write to a member (inside a function, under a computed or nested key) may add keys unseen,
 * so the object becomes open. A call the object is handed to (`jwt.verify(token, key, opts)`) is taken to read it.
 */
function withSectionWrites(variable: Variable, value: ObjectValue, next: (n: TSESTree.Node) => StaticValue): ObjectValue {
  let read = sectionsRead.get(variable);
  if (!read) {
    read = readSectionWrites(variable, value, next);
    sectionsRead.set(variable, read);
  }
  return read;
}

function readSectionWrites(variable: Variable, value: ObjectValue, next: (n: TSESTree.Node) => StaticValue): ObjectValue {
  let properties: Map<string, PropertyValue> | undefined;
  let open = value.open;
  let sections = 0;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = reference.identifier as TSESTree.Node;
    const parent = use.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) continue;
    const section = sectionWrite(parent);
    if (section === 'read') continue;
    const key = section ? staticKey(parent, next) : undefined;
    if (!section || key === undefined || reference.from !== variable.scope || ++sections > MAX_SECTIONS) {
      open = true;
      continue;
    }
    properties ??= new Map(value.properties);
    properties.set(key, { value: next(section.right), property: section });
  }
  return properties || open !== value.open ? { ...value, properties: properties ?? value.properties, open } : value;
}

/** How a member of the object is used: read, assigned as a statement of its own (`conf.auth = …;`), or changed otherwise (undefined). */
function sectionWrite(member: TSESTree.MemberExpression): TSESTree.AssignmentExpression | 'read' | undefined {
  let top: TSESTree.Node = member;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) top = top.parent;
  const parent = top.parent;
  const changed =
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) ||
    parent?.type === AST_NODE_TYPES.UpdateExpression ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete');
  if (!changed) return 'read';
  const direct = top === member && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.parent?.type === AST_NODE_TYPES.ExpressionStatement;
  return direct ? parent : undefined;
}

function staticKey(
  node: TSESTree.MemberExpression | TSESTree.Property,
  next: (n: TSESTree.Node) => StaticValue,
): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  const value = next(key);
  return value.kind === 'literal' && value.value !== undefined ? String(value.value) : undefined;
}

function isProcessEnv(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'process' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'env'
  );
}

/**
 * An environment binding other than `process.env`, by its shape: an `env` member of anything (`c.env`, `this.env`,
 * `import.meta.env`, `Bun.env`) or a bare `env` (a Worker's `fetch(request, env)`), when nothing in the file says
 * what it holds.
 */
function environmentHolder(node: TSESTree.Node, sourceCode: TSESLint.SourceCode | undefined): string | undefined {
  const bare = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  const named = bare.type === AST_NODE_TYPES.Identifier ? bare.name : bare.type === AST_NODE_TYPES.MemberExpression && !bare.computed ? memberName(bare) : undefined;
  return named === 'env' && sourceCode ? sourceCode.getText(bare).replace(/\?\./g, '.') : undefined;
}

/** The variable as the code reads it, for messages: `process.env.JWT_SECRET`, `c.env.JWT_SECRET`. */
export function envVariableText(value: { holder?: string; name?: string }): string {
  return `${value.holder ?? 'process.env'}.${value.name ?? '…'}`;
}

function holderOf(value: EnvValue | EnvFallbackValue): { holder?: string } {
  return value.holder !== undefined ? { holder: value.holder } : {};
}

function evaluateMember(node: TSESTree.MemberExpression, next: (n: TSESTree.Node) => StaticValue, sourceCode?: TSESLint.SourceCode): StaticValue {
  if (isProcessEnv(node.object)) return { kind: 'env', name: staticKey(node, next), node };
  const key = staticKey(node, next);
  if (key === undefined) return unknown(node);
  const object = next(node.object);
  if (object.kind === 'object') return object.properties.get(key)?.value ?? unknown(node);
  const holder = object.kind === 'unknown' ? environmentHolder(node.object, sourceCode) : undefined;
  if (holder !== undefined) return { kind: 'env', name: key, holder, node };
  if (object.kind === 'array' && !object.open && /^\d+$/.test(key)) return object.elements[Number(key)] ?? unknown(node);
  if (object.kind === 'literal' && typeof object.value === 'string' && key === 'length') {
    return { kind: 'literal', value: object.value.length, node };
  }
  return unknown(node);
}

/** `this.path` whose class gives the field one value (see classFieldValue): class-based routers build `${this.path}/:id`. */
function evaluateClassField(sourceCode: TSESLint.SourceCode, node: TSESTree.MemberExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  const value = classFieldValue(sourceCode, node);
  return value ? next(value) : unknown(node);
}

/**
 * `this.secret` or `this.path` where the class gives the field exactly one value, its initializer or one assignment
 * at the top of the constructor, and no other code of the class assigns it: the value the field holds for every call.
 */
export function classFieldValue(sourceCode: TSESLint.SourceCode, node: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = node.computed ? undefined : memberName(node);
  if (node.object.type !== AST_NODE_TYPES.ThisExpression || !name) return undefined;
  const body = enclosingClassBody(node);
  if (!body) return undefined;
  const values: TSESTree.Node[] = [];
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && propertyKeyName(member) === name && member.value) values.push(member.value);
  }
  const constructorBody = body.body.find((member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor')?.value.body;
  for (const assignment of fieldAssignments(sourceCode, body, name)) {
    // Only a plain assignment that every construction runs gives the field its value; any other leaves it unknown.
    const topLevel = assignment.operator === '=' && assignment.parent?.type === AST_NODE_TYPES.ExpressionStatement && assignment.parent.parent === constructorBody;
    if (!topLevel) return undefined;
    values.push(assignment.right);
  }
  return values.length === 1 ? values[0] : undefined;
}

/** The class body whose instance a node's `this` is: arrow functions keep it, other functions have their own. */
function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    const method = current.parent?.type === AST_NODE_TYPES.MethodDefinition || current.parent?.type === AST_NODE_TYPES.PropertyDefinition;
    if ((current.type === AST_NODE_TYPES.FunctionExpression && !method) || current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  }
  return undefined;
}

/** `this.name = …` (or `+=`, `??=`…) anywhere in a class body, from the file's one walk. */
function fieldAssignments(sourceCode: TSESLint.SourceCode, body: TSESTree.ClassBody, name: string): TSESTree.AssignmentExpression[] {
  const [start, end] = body.range;
  return fileNodes(sourceCode).nodes.filter(
    (node): node is TSESTree.AssignmentExpression =>
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.range[0] > start &&
      node.range[1] < end &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      !node.left.computed &&
      memberName(node.left) === name,
  );
}

function evaluateLogical(node: TSESTree.LogicalExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  const left = next(node.left);
  if (node.operator === '&&') return unknown(node);
  if (left.kind === 'env') {
    const right = next(node.right);
    if (right.kind === 'literal') return { kind: 'env-fallback', name: left.name, ...holderOf(left), fallback: right.value, node: right.node };
    return right.kind === 'env' || right.kind === 'env-fallback' ? right : unknown(node);
  }
  if (left.kind !== 'literal') return unknown(node);
  const useLeft = node.operator === '||' ? Boolean(left.value) : left.value !== null && left.value !== undefined;
  return useLeft ? left : next(node.right);
}

/**
 * `NODE_ENV === 'production' ? process.env.JWT_SECRET : 'dev-secret'`: an environment variable with a literal for
 * the runs the condition picks, which every build carries. Two environment branches are the environment.
 */
function evaluateConditional(node: TSESTree.ConditionalExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  const branches = [next(node.consequent), next(node.alternate)];
  const env = branches.find((branch): branch is EnvValue | EnvFallbackValue => branch.kind === 'env' || branch.kind === 'env-fallback');
  const literal = branches.find((branch): branch is LiteralValue => branch.kind === 'literal');
  if (env && literal) return { kind: 'env-fallback', name: env.name, ...holderOf(env), fallback: literal.value, node: literal.node };
  return env && branches.every((branch) => branch.kind === 'env' || branch.kind === 'env-fallback') ? env : unknown(node);
}

function evaluateUnary(node: TSESTree.UnaryExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  if (node.operator === 'void') return { kind: 'literal', value: undefined, node };
  const argument = next(node.argument);
  if (argument.kind !== 'literal') return unknown(node);
  if (node.operator === '!') return { kind: 'literal', value: !argument.value, node };
  if (node.operator === '-' && typeof argument.value === 'number') return { kind: 'literal', value: -argument.value, node };
  if (node.operator === '+' && typeof argument.value === 'number') return argument;
  return unknown(node);
}

/** Arithmetic on numbers (`60 * 60 * 24`) and string concatenation of known parts. */
function evaluateBinary(node: TSESTree.BinaryExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return unknown(node);
  const left = next(node.left);
  const right = next(node.right);
  if (left.kind !== 'literal' || right.kind !== 'literal') return unknown(node);
  const a = left.value;
  const b = right.value;
  if (node.operator === '+' && (typeof a === 'string' || typeof b === 'string')) {
    return { kind: 'literal', value: String(a) + String(b), node };
  }
  if (typeof a !== 'number' || typeof b !== 'number') return unknown(node);
  const result = arithmetic(node.operator, a, b);
  return result === undefined ? unknown(node) : { kind: 'literal', value: result, node };
}

function arithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    default:
      return undefined;
  }
}

function evaluateObject(node: TSESTree.ObjectExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  const properties = new Map<string, PropertyValue>();
  let open = false;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = next(property.argument);
      if (spread.kind === 'object') {
        for (const [key, value] of spread.properties) properties.set(key, value);
        open ||= spread.open;
      } else {
        // An unknown spread may override every key written before it.
        for (const [key, value] of properties) properties.set(key, { ...value, value: unknown(value.property) });
        open = true;
      }
      continue;
    }
    const key = staticKey(property, next);
    if (key === undefined) {
      open = true;
      continue;
    }
    const value = property.kind === 'init' ? valueOfProperty(property, next) : unknown(property);
    properties.set(key, { value, property });
  }
  return { kind: 'object', properties, open, node };
}

function valueOfProperty(property: TSESTree.Property, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  if (property.method) return { kind: 'function', node: property.value };
  if (property.value.type === AST_NODE_TYPES.AssignmentPattern) return unknown(property.value);
  return next(property.value);
}

function evaluateArray(node: TSESTree.ArrayExpression, next: (n: TSESTree.Node) => StaticValue): StaticValue {
  const elements: StaticValue[] = [];
  let open = false;
  for (const element of node.elements) {
    if (!element) continue;
    if (element.type !== AST_NODE_TYPES.SpreadElement) {
      elements.push(next(element));
      continue;
    }
    const spread = next(element.argument);
    if (spread.kind === 'array') {
      elements.push(...spread.elements);
      open ||= spread.open;
    } else {
      open = true;
    }
  }
  return { kind: 'array', elements, open, node };
}

/**
 * A constant another file can import, as plain data: a literal, an environment variable (with or without a literal
 * fallback), an array of such, or an object of them (a config module's `{ jwtSecret: process.env.JWT_SECRET ?? 'dev',
 * verifyOptions: { algorithms: ['HS256'] } }`). What cannot be carried is left out, and an object that left
 * something out is `open`, so a key it lacks reads as "not known" rather than as absent.
 */
export type PortableConstant =
  | { kind: 'literal'; value: string | number | boolean | null; span: Span }
  | { kind: 'env'; name?: string; holder?: string; span: Span }
  | { kind: 'env-fallback'; name?: string; holder?: string; fallback: string; span: Span }
  | { kind: 'array'; elements: readonly PortableConstant[]; span: Span }
  | { kind: 'object'; properties: Readonly<Record<string, PortableConstant>>; open?: true };

/** How deep and how wide an exported constant is carried: a config module, not a data table. */
const MAX_CONSTANT_DEPTH = 4;
const MAX_CONSTANT_PROPERTIES = 64;

export function portableConstantOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): PortableConstant | undefined {
  return toPortableConstant(staticValueOf(sourceCode, node), 0);
}

/** A string written in the source, outright or as an environment variable's fallback: what a secret check reports. */
export function isWrittenString(constant: PortableConstant): constant is Extract<PortableConstant, { kind: 'literal' | 'env-fallback' }> {
  return (constant.kind === 'literal' && typeof constant.value === 'string') || constant.kind === 'env-fallback';
}

function toPortableConstant(value: StaticValue, depth: number): PortableConstant | undefined {
  switch (value.kind) {
    case 'literal':
      return value.value === undefined || typeof value.value === 'bigint' ? undefined : { kind: 'literal', value: value.value, span: spanOf(value.node) };
    case 'env':
      return { kind: 'env', ...(value.name !== undefined ? { name: value.name } : {}), ...holderOf(value), span: spanOf(value.node) };
    case 'env-fallback':
      if (typeof value.fallback !== 'string') return undefined;
      return { kind: 'env-fallback', ...(value.name !== undefined ? { name: value.name } : {}), ...holderOf(value), fallback: value.fallback, span: spanOf(value.node) };
    case 'array': {
      if (value.open || depth >= MAX_CONSTANT_DEPTH || value.elements.length > MAX_CONSTANT_PROPERTIES) return undefined;
      const elements = value.elements.map((element) => toPortableConstant(element, depth + 1));
      return elements.every((element) => element !== undefined) ? { kind: 'array', elements: elements as PortableConstant[], span: spanOf(value.node) } : undefined;
    }
    case 'object':
      return depth >= MAX_CONSTANT_DEPTH ? undefined : portableObject(value, depth);
    default:
      return undefined;
  }
}

function portableObject(value: ObjectValue, depth: number): PortableConstant | undefined {
  const properties: Record<string, PortableConstant> = {};
  let count = 0;
  let open = value.open;
  for (const [key, property] of value.properties) {
    const portable = toPortableConstant(property.value, depth + 1);
    if (!portable || count >= MAX_CONSTANT_PROPERTIES) {
      open = true;
      continue;
    }
    properties[key] = portable;
    count++;
  }
  if (count === 0) return undefined;
  return open ? { kind: 'object', properties, open: true } : { kind: 'object', properties };
}

/** Where another file's constants are looked up: the constant an expression of this file names, if any. */
export type ImportedConstants = (node: TSESTree.Node) => PortableConstant | undefined;

/**
 * `value` with what it could not read in this file (`config.jwt.options`, `settings.jwt.issuer`) replaced by the
 * constants other project files export under those names. A key that an imported object is known to lack reads
 * as `undefined`, as it would at run time; whatever no file says stays unknown.
 */
export function withImportedConstants(value: StaticValue, imported: ImportedConstants, depth = 0): StaticValue {
  if (depth > MAX_CONSTANT_DEPTH) return value;
  switch (value.kind) {
    case 'unknown': {
      const constant = importedAt(value.node, imported);
      return constant ? fromPortable(constant, value.node) : value;
    }
    case 'object': {
      let changed = false;
      const properties = new Map<string, PropertyValue>();
      for (const [key, property] of value.properties) {
        const resolved = withImportedConstants(property.value, imported, depth + 1);
        changed ||= resolved !== property.value;
        properties.set(key, resolved === property.value ? property : { ...property, value: resolved });
      }
      return changed ? { ...value, properties } : value;
    }
    case 'array': {
      const elements = value.elements.map((element) => withImportedConstants(element, imported, depth + 1));
      return elements.some((element, i) => element !== value.elements[i]) ? { ...value, elements } : value;
    }
    default:
      return value;
  }
}

/** The constant `node` names, or, for `a.b.key`, the key of the constant `a.b` names: `undefined` when it is known to lack it. */
function importedAt(node: TSESTree.Node, imported: ImportedConstants): PortableConstant | undefined {
  const direct = imported(node);
  if (direct || node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return direct;
  const parent = importedAt(node.object, imported);
  if (parent?.kind !== 'object' || parent.open || Object.hasOwn(parent.properties, node.property.name)) return undefined;
  return { kind: 'literal', value: null, span: spanOf(node) };
}

/** A portable constant as this file's static value, located at the expression that names it. */
function fromPortable(constant: PortableConstant, node: TSESTree.Node): StaticValue {
  switch (constant.kind) {
    case 'literal':
      return { kind: 'literal', value: constant.value, node };
    case 'env':
      return { kind: 'env', name: constant.name, node };
    case 'env-fallback':
      return { kind: 'env-fallback', name: constant.name, fallback: constant.fallback, node };
    case 'array':
      return { kind: 'array', elements: constant.elements.map((element) => fromPortable(element, node)), open: false, node };
    case 'object': {
      const properties = new Map(Object.entries(constant.properties).map(([key, value]): [string, PropertyValue] => [key, { value: fromPortable(value, node), property: node }]));
      return { kind: 'object', properties, open: constant.open === true, node };
    }
  }
}

/** The constant at `path` below `constant` (`['jwt', 'secret']`); undefined when any step is not known. */
export function constantAt(constant: PortableConstant | undefined, path: readonly string[]): PortableConstant | undefined {
  let current = constant;
  for (const key of path) current = current?.kind === 'object' && Object.hasOwn(current.properties, key) ? current.properties[key] : undefined;
  return current;
}

/**
 * A route path as the code spells it, with what cannot be known at lint time named: `${api}/users` where `api` is
 * `process.env.API_URL` reads `${API_URL}/users`, so a mount and an allow-list that build on the same variable
 * spell the same path; in a template, another name stays as written (`/${conf.apiName}/login`). Undefined when a
 * part is none of these.
 */
export function pathTextOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | undefined {
  const part = (expression: TSESTree.Node): string | undefined => {
    const value = staticValueOf(sourceCode, expression);
    if (value.kind === 'literal') return typeof value.value === 'string' ? value.value : undefined;
    return (value.kind === 'env' || value.kind === 'env-fallback') && value.name !== undefined ? `\${${value.name}}` : undefined;
  };
  if (node.type !== AST_NODE_TYPES.TemplateLiteral) return part(node);
  let text = node.quasis[0]!.value.cooked ?? '';
  for (let i = 0; i < node.expressions.length; i++) {
    const expression = node.expressions[i]!;
    const named = dottedPath(expression);
    const value = part(expression) ?? (named !== undefined ? `\${${named}}` : undefined);
    if (value === undefined) return undefined;
    text += value + (node.quasis[i + 1]!.value.cooked ?? '');
  }
  return text;
}
