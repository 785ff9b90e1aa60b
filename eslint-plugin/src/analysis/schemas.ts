/**
 * Models, schemas, entities and DTOs a file declares, with their field names: what makes a record owned (an owner
 * or tenant field) and what a copied request body can grant (privilege fields). Recognised by shape, not by
 * library: Mongoose `new Schema({…})` and `model('X', schema)`, Sequelize `define('X', {…})` and
 * `class X extends Model` with `X.init({…})`, decorated entity and DTO classes (TypeORM, MikroORM, class-validator),
 * plain classes with fields, interfaces and object type aliases, zod/yup/joi `object({…})`, Drizzle tables,
 * graphql-js object and input types, TypeORM `EntitySchema`, tables a migration creates or alters through a schema
 * builder (`knex.schema.createTable('invoices', (t) => { t.integer('user_id') })`); and Prisma's `schema.prisma`
 * read as text.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileIndex } from './file-index';
import { isOwnerField, isPrivilegeField } from './names';
import { calleeName, objectKeys, propertyValue, calleeObject, decoratorsOf, isFunctionNode, memberName, propertyKeyName, staticString, typeScriptOnly, unwrap } from './syntax';

export type ModelKind = 'mongoose' | 'sequelize' | 'entity' | 'dto' | 'class' | 'interface' | 'schema' | 'table' | 'graphql' | 'prisma';

/** A model as plain data: it travels in file summaries to the files that use it. */
export interface ModelSummary {
  /** The model's own name: `Invoice` for `model('Invoice', schema)`, the class or table name. */
  name: string;
  kind: ModelKind;
  fields: readonly string[];
  /** Fields that say whose record it is (`userId`, `ownerId`, `tenantId`, `author`…): its records are owned. */
  ownerFields: readonly string[];
  /** Fields that grant privileges when written (`role`, `isAdmin`, `permissions`…). */
  privilegeFields: readonly string[];
}

export function modelSummary(name: string, kind: ModelKind, fields: readonly string[]): ModelSummary {
  const unique = [...new Set(fields)];
  return { name, kind, fields: unique, ownerFields: unique.filter(isOwnerField), privilegeFields: unique.filter(isPrivilegeField) };
}

/** Class decorators that make a class a persisted entity or a schema. */
const ENTITY_DECORATOR = /^(Entity|Table|Schema|Document|ObjectType|InputType|ArgsType|Collection|Model)$/;
/** Constructors of validation and schema objects whose first argument lists the fields. */
const SCHEMA_BUILDERS = /^(z|zod|yup|Yup|Joi|joi|v|t|s|Type)$/;
/** zod/yup methods that keep an object schema's fields. */
const SAME_FIELDS = /^(strict|passthrough|strip|partial|deepPartial|required|optional|nullable|nullish|readonly|describe|refine|superRefine|transform|default|catch|brand|noUnknown|unknown|label|meta)$/;
/** Table builders (Drizzle) whose second argument lists the columns. */
const TABLE_BUILDERS = /^(pgTable|mysqlTable|sqliteTable|pgView|table)$/;
/** Schema-builder methods that create or alter a table whose columns a callback declares. */
const TABLE_MIGRATIONS = /^(createTable|createTableIfNotExists|createTableLike|table|alterTable)$/;
/** How deep identifiers are followed to the declaration of a model (`const A = B; const B = model(…)`). */
const MAX_HOPS = 4;

/** The models one file declares, found on demand and memoized per node. */
export class ModelCatalog {
  private readonly cache = new Map<TSESTree.Node, ModelSummary | null>();
  private initFields: Map<string, string[]> | undefined;
  private typeDeclarations: Map<string, TSESTree.Node> | undefined;
  private tables: Map<string, ModelSummary> | undefined;

  constructor(
    private readonly program: TSESTree.Program,
    private readonly index: FileIndex,
  ) {}

  /** The model an expression names when this file declares it: a model binding, a class, a model-building call. */
  modelOf(node: TSESTree.Node, hops = 0): ModelSummary | undefined {
    const bare = unwrap(node);
    const cached = this.cache.get(bare);
    if (cached !== undefined) return cached ?? undefined;
    if (hops > MAX_HOPS) return undefined;
    this.cache.set(bare, null);
    const found = this.compute(bare, hops);
    this.cache.set(bare, found ?? null);
    return found;
  }

  /** The model a type name stands for in this file: a class, an interface or an object type alias (`UpdateProfileDto`). */
  typeModel(name: string): ModelSummary | undefined {
    if (!this.typeDeclarations) {
      this.typeDeclarations = new Map();
      for (const statement of this.program.body) {
        const declaration = declarationOf(statement);
        const id = declaration && 'id' in declaration ? declaration.id : undefined;
        if (declaration && id?.type === AST_NODE_TYPES.Identifier) this.typeDeclarations.set(id.name, declaration);
      }
    }
    const declaration = this.typeDeclarations.get(name);
    return declaration ? this.modelOf(declaration) : undefined;
  }

  /** The tables this file's migrations create or alter, by table name, with the columns of every migration merged. */
  migrationTables(): ReadonlyMap<string, ModelSummary> {
    if (this.tables) return this.tables;
    const columns = new Map<string, string[]>();
    for (const call of this.index.calls) {
      const migrated = migratedTable(call, this.index);
      if (migrated) columns.set(migrated.table, [...(columns.get(migrated.table) ?? []), ...migrated.columns]);
    }
    this.tables = new Map([...columns].map(([table, fields]) => [table, modelSummary(table, 'table', fields)]));
    return this.tables;
  }

  private compute(node: TSESTree.Node, hops: number): ModelSummary | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifierModel(node, hops);
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return this.classModel(node);
      case AST_NODE_TYPES.NewExpression:
        return this.constructed(node);
      case AST_NODE_TYPES.CallExpression:
        return this.built(node, hops);
      case AST_NODE_TYPES.TSInterfaceDeclaration:
        return modelSummary(node.id.name, 'interface', node.body.body.flatMap(signatureName));
      case AST_NODE_TYPES.TSTypeAliasDeclaration: {
        const literal = typeScriptOnly(node, 'typeAnnotation');
        return literal?.type === AST_NODE_TYPES.TSTypeLiteral ? modelSummary(node.id.name, 'interface', literal.members.flatMap(signatureName)) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** A binding: a class, or a variable whose initializer builds a model; the binding names zod schemas and tables. */
  private identifierModel(node: TSESTree.Identifier, hops: number): ModelSummary | undefined {
    const def = this.index.variableOf(node)?.defs[0];
    if (!def) return undefined;
    if (def.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) return this.modelOf(def.node, hops + 1);
    if (def.type === 'Type') return this.modelOf(def.node as TSESTree.Node, hops + 1);
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    const model = this.modelOf(def.node.init, hops + 1);
    return model && model.name === '' ? { ...model, name: node.name } : model;
  }

  /**
   * Entities (decorated classes, Sequelize `Model` subclasses with `init`), DTOs (decorated fields) and plain
   * classes that only hold data. A class with methods and nothing marking it as an entity is a service, not a model.
   */
  private classModel(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ModelSummary | undefined {
    const name = node.id?.name ?? '';
    const fields: string[] = [];
    let decoratedField = false;
    let methods = false;
    for (const member of node.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static) {
        const key = propertyKeyName(member);
        if (key && !isFunctionNode(member.value)) fields.push(key);
        if (decoratorsOf(member).length > 0) decoratedField = true;
      } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'constructor') {
        methods = true;
      }
    }
    const init = name ? (this.initFieldsByClass().get(name) ?? []) : [];
    const superClass = node.superClass ? unwrap(node.superClass) : undefined;
    const sequelize = !!superClass && (superClass.type === AST_NODE_TYPES.Identifier ? superClass.name === 'Model' : superClass.type === AST_NODE_TYPES.MemberExpression && memberName(superClass) === 'Model');
    const entity = decoratorsOf(node).some((decorator) => {
      const expression = unwrap(decorator.expression);
      const decoratorName = expression.type === AST_NODE_TYPES.CallExpression ? calleeName(expression) : expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
      return !!decoratorName && ENTITY_DECORATOR.test(decoratorName);
    });
    if (sequelize || init.length > 0) return modelSummary(name, 'sequelize', [...fields, ...init]);
    if (entity) return modelSummary(name, 'entity', fields);
    if (decoratedField) return modelSummary(name, 'dto', fields);
    return fields.length > 0 && !methods ? modelSummary(name, 'class', fields) : undefined;
  }

  /** `Model.init({ … }, { sequelize })` calls, by the class they initialise. */
  private initFieldsByClass(): Map<string, string[]> {
    if (this.initFields) return this.initFields;
    this.initFields = new Map();
    for (const call of this.index.calls) {
      const receiver = calleeObject(call);
      const attributes = call.arguments[0] && unwrap(call.arguments[0]);
      if (calleeName(call) !== 'init' || receiver?.type !== AST_NODE_TYPES.Identifier || attributes?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      this.initFields.set(receiver.name, [...(this.initFields.get(receiver.name) ?? []), ...objectKeys(attributes)]);
    }
    return this.initFields;
  }

  /** `new Schema({…})`, `new EntitySchema({ name, columns })`, `new GraphQLInputObjectType({ name, fields })`. */
  private constructed(node: TSESTree.NewExpression): ModelSummary | undefined {
    const name = calleeName(node);
    const first = node.arguments[0] && unwrap(node.arguments[0]);
    if (first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (name === 'Schema') return modelSummary('', 'mongoose', objectKeys(first));
    const named = staticString(bareProperty(first, 'name')) ?? '';
    if (name === 'EntitySchema') return modelSummary(named, 'entity', [...objectKeys(bareProperty(first, 'columns')), ...objectKeys(bareProperty(first, 'relations'))]);
    if (name === 'GraphQLInputObjectType' || name === 'GraphQLObjectType') return modelSummary(named, 'graphql', objectKeys(returnedObject(bareProperty(first, 'fields'))));
    return undefined;
  }

  /** `model('Invoice', schema)`, `define('Project', {…})`, `pgTable('notes', {…})`, `z.object({…})` and its chains. */
  private built(node: TSESTree.CallExpression, hops: number): ModelSummary | undefined {
    const name = calleeName(node);
    const [first, second] = node.arguments;
    const label = staticString(first);
    if (!name) return undefined;
    if (name === 'model' && label !== undefined && second) {
      const schema = this.modelOf(second, hops + 1);
      return schema ? modelSummary(label, 'mongoose', schema.fields) : undefined;
    }
    if (name === 'define' && label !== undefined && second && unwrap(second).type === AST_NODE_TYPES.ObjectExpression) return modelSummary(label, 'sequelize', objectKeys(unwrap(second)));
    if (TABLE_BUILDERS.test(name) && label !== undefined && second) return modelSummary(label, 'table', objectKeys(returnedObject(second)));
    if (name === 'createForClass' && first) {
      const model = this.modelOf(first, hops + 1);
      return model ? { ...model, kind: 'mongoose' } : undefined;
    }
    const receiver = calleeObject(node);
    if (!receiver) return undefined;
    const bareReceiver = unwrap(receiver);
    if (name === 'object' && bareReceiver.type === AST_NODE_TYPES.Identifier && SCHEMA_BUILDERS.test(bareReceiver.name) && first) {
      return modelSummary('', 'schema', objectKeys(unwrap(first)));
    }
    if (bareReceiver.type !== AST_NODE_TYPES.CallExpression && bareReceiver.type !== AST_NODE_TYPES.Identifier) return undefined;
    // Chains on an object schema: `z.object({…}).strict()`, `.extend({…})`, `profileInput.omit({ role: true })`.
    const base = this.modelOf(bareReceiver, hops + 1);
    if (!base || base.kind !== 'schema') return undefined;
    if (SAME_FIELDS.test(name)) return base;
    const keys = first ? objectKeys(unwrap(first)) : [];
    if (name === 'extend' || name === 'merge' || name === 'keys' || name === 'append') return modelSummary(base.name, 'schema', [...base.fields, ...keys]);
    if (name === 'pick') return modelSummary(base.name, 'schema', base.fields.filter((field) => keys.includes(field)));
    if (name === 'omit') return modelSummary(base.name, 'schema', base.fields.filter((field) => !keys.includes(field)));
    return undefined;
  }
}

/**
 * `schema.createTable('invoices', (t) => { t.integer('user_id').references('users.id'); })`: the table and the
 * columns its callback declares through the builder parameter (`t.<type>('column', …)`). The receiver chain passes
 * through a `schema` member (`knex.schema`, `this.schema`), which tells a migration from other `table(…)` calls.
 */
function migratedTable(call: TSESTree.CallExpression, index: FileIndex): { table: string; columns: string[] } | undefined {
  const name = calleeName(call);
  const table = staticString(call.arguments[0]);
  const callback = call.arguments[1] && unwrap(call.arguments[1]);
  if (!name || !TABLE_MIGRATIONS.test(name) || table === undefined || !callback || !isFunctionNode(callback) || !onSchema(call)) return undefined;
  const builder = callback.params[0];
  if (builder?.type !== AST_NODE_TYPES.Identifier) return { table, columns: [] };
  const columns: string[] = [];
  for (const inner of index.calls) {
    if (inner.range[0] < callback.range[0] || inner.range[1] > callback.range[1]) continue;
    const receiver = calleeObject(inner);
    const bare = receiver && unwrap(receiver);
    const column = staticString(inner.arguments[0]);
    if (bare?.type === AST_NODE_TYPES.Identifier && column !== undefined && index.variableOf(bare)?.defs[0]?.name === builder) columns.push(column);
  }
  return { table, columns };
}

/** A call whose receiver chain goes through a `schema` member: `knex.schema.createTable(…)`, `schema.createTable(…).createTable(…)`. */
function onSchema(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node | undefined = calleeObject(call);
  for (let hops = 0; hops < 16 && current; hops++) {
    const bare = unwrap(current);
    if (bare.type === AST_NODE_TYPES.Identifier) return bare.name === 'schema';
    if (bare.type === AST_NODE_TYPES.MemberExpression) {
      if (memberName(bare) === 'schema') return true;
      current = bare.object;
    } else if (bare.type === AST_NODE_TYPES.CallExpression) {
      current = calleeObject(bare);
    } else {
      return false;
    }
  }
  return false;
}

/** The declaration a top-level statement introduces, through `export` and `export default`. */
function declarationOf(statement: TSESTree.ProgramStatement): TSESTree.Node | undefined {
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return statement.declaration ?? undefined;
  return statement;
}

function signatureName(member: TSESTree.TypeElement): string[] {
  if (member.type !== AST_NODE_TYPES.TSPropertySignature) return [];
  const key = propertyKeyName(member);
  return key ? [key] : [];
}

/** A key's value with its type assertions and parentheses taken off. */
function bareProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  const value = propertyValue(object, key);
  return value && unwrap(value);
}

/** An object literal, or the one an arrow returns (`fields: () => ({ … })`, Drizzle's `(t) => ({ … })`). */
function returnedObject(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.ArrowFunctionExpression && bare.body.type !== AST_NODE_TYPES.BlockStatement) return unwrap(bare.body);
  return bare;
}

/**
 * The models of a Prisma schema file, read line by line: `model Name {` opens a block, each line in it that starts
 * with a name declares a field (relations included), `@@` lines are block attributes, `}` closes it.
 */
export function parsePrismaModels(text: string): ModelSummary[] {
  const models: ModelSummary[] = [];
  let current: { name: string; fields: string[] } | undefined;
  for (const raw of text.split('\n')) {
    const line = withoutComment(raw).trim();
    if (!current) {
      const opening = /^model\s+([A-Za-z_]\w*)\s*\{$/.exec(line);
      if (opening) current = { name: opening[1]!, fields: [] };
      continue;
    }
    if (line.startsWith('}')) {
      models.push(modelSummary(current.name, 'prisma', current.fields));
      current = undefined;
      continue;
    }
    const field = /^([A-Za-z_]\w*)\s+\S/.exec(line);
    if (field) current.fields.push(field[1]!);
  }
  return models;
}

function withoutComment(line: string): string {
  const at = line.indexOf('//');
  return at < 0 ? line : line.slice(0, at);
}

/** The Prisma client property for a model: `invoice` for `model Invoice`, `auditEntry` for `model AuditEntry`. */
export function prismaDelegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
