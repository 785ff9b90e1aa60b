/**
 * Schemas built from object types whose field configs carry their resolvers (graphql-js's
 * `new GraphQLObjectType({ name: 'Query', fields: () => ({ invoice: { type, args, resolve } }) })`, as the framework
 * models' `objectTypes` say): which functions of a file resolve fields, and which fields an object type declares.
 * Request shapes (file-index.ts) read it for the resolvers' parameters, route discovery (routes.ts) for the routes.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ObjectTypeResolvers } from '../models/framework-model';
import { declaredValue, objectLiteralOf } from '../util/find-variable';
import { VOCABULARY } from './framework-models';
import { requiredModule } from './library-models';
import { calleePackageOf, isFromPackages, mentionsPackage } from './package-of';
import { functionResult, isFunctionNode, propertyValue, propertyKeyName, staticString, unwrap } from './syntax';
import type { FunctionNode } from './types';

const OBJECT_TYPES = VOCABULARY.routing.resolverRoutes.objectTypes;
const PACKAGES = OBJECT_TYPES.flatMap((model) => model.packages);
/** How many variables deep a fields object or a field config is followed. */
const MAX_DEPTH = 8;

/** One entry of an object type's fields: a config written here, or a value from elsewhere (an import, a spread). */
export type ObjectTypeField =
  /** `node` is where the field's route is reported: its key, or the config a shorthand key names (`{ users }`). */
  | { kind: 'config'; name: string; property: TSESTree.Property; node: TSESTree.Node; resolve: FunctionNode }
  | { kind: 'value'; name: string; property: TSESTree.Property; value: TSESTree.Node }
  | { kind: 'spread'; argument: TSESTree.Node };

export interface ObjectTypeDefinition {
  /** The `name` option, when the code spells it. */
  name: string | undefined;
  fields: readonly ObjectTypeField[];
}

/** The object type `node` constructs (`new GraphQLObjectType({ … })` of a model's package), with its fields. */
export function objectTypeOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): ObjectTypeDefinition | undefined {
  const bare = unwrap(node);
  if (bare.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const model = modelOf(sourceCode, bare);
  const options = bare.arguments[0] && objectLiteralOf(sourceCode, bare.arguments[0], 0);
  if (!model || !options) return undefined;
  const fieldsValue = propertyValue(options, model.fieldsOption);
  const fieldsObject = fieldsValue ? fieldsObjectOf(sourceCode, fieldsValue) : undefined;
  const nameValue = propertyValue(options, model.nameOption);
  // `fields: queries`, `fields: () => queries`: an object of fields from elsewhere, taken in whole like a spread.
  const elsewhere = fieldsValue && !fieldsObject ? returnedValue(fieldsValue) : undefined;
  const fields = fieldsObject ? fieldsOf(sourceCode, model, fieldsObject, 0) : elsewhere ? [{ kind: 'spread' as const, argument: elsewhere }] : [];
  return { name: nameValue ? staticString(nameValue) : undefined, fields };
}

/**
 * The fields of an object of field configs that a file of the object types' package exports for a type elsewhere to
 * take in (`module.exports = { invoice: { type, args, resolve } }`), when at least one of them has a resolver.
 */
export function fieldConfigsOf(sourceCode: TSESLint.SourceCode, object: TSESTree.ObjectExpression): readonly ObjectTypeField[] | undefined {
  const model = OBJECT_TYPES.find((candidate) => importsPackage(sourceCode, candidate.packages));
  if (!model) return undefined;
  const fields = fieldsOf(sourceCode, model, object, 0);
  return fields.some((field) => field.kind === 'config') ? fields.filter((field) => field.kind !== 'value') : undefined;
}

/**
 * `resolve` of a field config (`{ type: InvoiceType, args, resolve(parent, args, context) {…} }`) in a file that
 * imports the object types' package: a field resolver, whether or not this file builds the type it belongs to.
 * A Promise executor's `resolve`, `require.resolve` or a bundler's `resolve: { … }` is no field config's.
 */
export function isFieldResolver(sourceCode: TSESLint.SourceCode, fn: FunctionNode): boolean {
  const property = fn.parent?.type === AST_NODE_TYPES.Property && fn.parent.value === fn ? fn.parent : undefined;
  const config = property?.parent;
  if (!property || config?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const key = propertyKeyName(property);
  const model = OBJECT_TYPES.find((candidate) => candidate.resolveKey === key && propertyValue(config, candidate.typeKey) !== undefined);
  return model !== undefined && importsPackage(sourceCode, model.packages);
}

function modelOf(sourceCode: TSESLint.SourceCode, call: TSESTree.NewExpression): ObjectTypeResolvers | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  const candidates = OBJECT_TYPES.filter((model) => name !== undefined && model.constructors.includes(name));
  if (candidates.length === 0) return undefined;
  const module = calleePackageOf(sourceCode, callee);
  return candidates.find((model) => isFromPackages(module, model.packages));
}

/** `fields: { … }`, `fields: () => ({ … })`, `fields() { return { … } }`, or a same-file variable holding one. */
function fieldsObjectOf(sourceCode: TSESLint.SourceCode, value: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const returned = returnedValue(value);
  return returned ? objectLiteralOf(sourceCode, returned, 0) : undefined;
}

/** What a fields option stands for: the value itself, or what its thunk returns (its arrow body, its first `return`). */
function returnedValue(value: TSESTree.Node): TSESTree.Node | undefined {
  const bare = unwrap(value);
  return isFunctionNode(bare) ? functionResult(bare) : bare;
}

function fieldsOf(sourceCode: TSESLint.SourceCode, model: ObjectTypeResolvers, fields: TSESTree.ObjectExpression, depth: number): ObjectTypeField[] {
  const found: ObjectTypeField[] = [];
  for (const property of fields.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // `{ ...invoiceQueries }`: a same-file object's fields join these; another file's are mounted where they join.
      const local = depth < MAX_DEPTH ? objectLiteralOf(sourceCode, property.argument, 0) : undefined;
      if (local) found.push(...fieldsOf(sourceCode, model, local, depth + 1));
      else found.push({ kind: 'spread', argument: property.argument });
      continue;
    }
    const name = propertyKeyName(property);
    if (name === undefined) continue;
    const config = objectLiteralOf(sourceCode, property.value as TSESTree.Node, 0);
    const resolve = config ? propertyValue(config, model.resolveKey) : undefined;
    const fn = resolve ? functionOf(sourceCode, resolve) : undefined;
    const named = unwrap(property.value as TSESTree.Node).type === AST_NODE_TYPES.Identifier;
    if (fn && config) found.push({ kind: 'config', name, property, node: named ? config : property, resolve: fn });
    else if (!config) found.push({ kind: 'value', name, property, value: property.value as TSESTree.Node });
  }
  return found;
}

function functionOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): FunctionNode | undefined {
  const bare = unwrap(node);
  if (isFunctionNode(bare)) return bare;
  const declared = bare.type === AST_NODE_TYPES.Identifier ? declaredValue(sourceCode, bare) : undefined;
  return declared && isFunctionNode(declared) ? declared : undefined;
}



const importing = new WeakMap<TSESLint.SourceCode, Map<string, boolean>>();

/** Whether a top-level import or `require` of the file loads one of `packages`. */
function importsPackage(sourceCode: TSESLint.SourceCode, packages: readonly string[]): boolean {
  const key = packages.join('\0');
  const known = importing.get(sourceCode) ?? new Map<string, boolean>();
  importing.set(sourceCode, known);
  let answer = known.get(key);
  if (answer === undefined) {
    answer = mentionsPackage(sourceCode, packages) && sourceCode.ast.body.some((statement) => statementImports(statement, packages));
    known.set(key, answer);
  }
  return answer;
}

function statementImports(statement: TSESTree.ProgramStatement, packages: readonly string[]): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return isFromPackages(statement.source.value, packages);
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((declarator) => declarator.init !== null && isFromPackages(requiredModule(declarator.init)?.module, packages));
}

/** The packages whose object types this module reads: a file that never names one needs no look at its nodes. */
export function mentionsObjectTypes(sourceCode: TSESLint.SourceCode): boolean {
  return mentionsPackage(sourceCode, PACKAGES);
}
