/**
 * Record access: calls that read, change or delete stored records, with what selects the record (an id argument,
 * the id keys of a filter, SQL parameters) and what scopes it (owner, tenant or user keys). Recognised by shape on
 * model, repository, DAO, ORM-client and query-builder receivers: Mongoose and Sequelize models, TypeORM and
 * MikroORM repositories and entity managers, Prisma delegates, Drizzle's `select().from(t).where(eq(t.id, …))`,
 * query builders opened on a table name (`db('invoices').where({ id }).first()`, Supabase's
 * `supabase.from('invoices').delete().eq('id', id)`), and SQL text run by any
 * `query`-like method. Which model a call touches is named by a `ModelTarget`, resolved to
 * a model (this file's or another's) by the analysis.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RecordCallModel } from '../models/library-model';
import type { FileIndex } from './file-index';
import { isIdentityKey } from './names';
import { calleeName, decoratorsOf, memberName, propertyKeyName, rootIdentifier, staticString, typeScriptOnly, unwrap } from './syntax';

export type Operation = 'Reads' | 'Changes' | 'Deletes';

/** What names the model of an access: an expression (a model binding, an entity class), a Prisma delegate or a table name. */
export type ModelTarget = { node: TSESTree.Node } | { prisma: string } | { table: string };

export interface RecordAccess {
  call: TSESTree.CallExpression;
  /** Where a report points: the method name. */
  node: TSESTree.Node;
  operation: Operation;
  target?: ModelTarget;
  /** Set for a call on a receiver named like a service (`articleService.delete`), which may check the owner itself. */
  service?: string;
  /** The values that choose the record: the id argument, id keys of the filter, SQL parameters. */
  ids: TSESTree.Node[];
  /** Values bound to owner, tenant or user keys of the filter. */
  owners: TSESTree.Node[];
  /** Every value of the filter or SQL parameters, which a verified claim among them scopes. */
  scopes: TSESTree.Node[];
  /** The SQL text, for a raw query. */
  sql?: string;
}

const READS = /^(findById|findByPk|findOne|findOneBy|findOneOrFail|findOneByOrFail|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|getById)$/;
const CHANGES = /^(update|updateOne|updateMany|updateById|findByIdAndUpdate|findOneAndUpdate|findOneAndReplace|replaceOne|upsert|nativeUpdate)$/;
const DELETES = /^(delete|deleteOne|deleteMany|deleteById|destroy|remove|findByIdAndDelete|findByIdAndRemove|findOneAndDelete|findOneAndRemove|nativeDelete|softDelete|softRemove)$/;
const SQL_METHODS = /^(query|execute|raw|all|get|run)$/;

/** Receivers that hold records: models (`Order`), repositories, ORM clients, collections. */
const DATA_RECEIVER = /repo|repository|model|prisma|db|database|collection|table|dao|knex|orm|manager|store|pool|client|sql/i;
/** Receivers that never hold records. */
const NOT_DATA = /^(req|request|res|response|reply|ctx|c|app|router|headers|params|query|cookies|Object|Array|JSON|Reflect|Promise|Map|Set|URLSearchParams|localStorage|sessionStorage)$/;
/** Services (`articleService`, `this.ordersService`): they change records for a handler that hands them an id. */
const SERVICE_RECEIVER = /service$/i;
/** Keys and columns that pick one record. */
const ID_KEY = /^(_?id|uuid|slug|key)$|Id$|_id$/;
/** Entity managers that take the entity class first: `em.findOne(Invoice, { id })`, `manager.delete(Order, id)`. */
const ENTITY_FIRST = /^(em|entityManager|manager|orm)$/i;
/** Decorators and generic types that say which entity a repository holds. */
const REPOSITORY_DECORATOR = /^(InjectRepository|InjectModel|InjectEntityRepository)$/;
const REPOSITORY_TYPE = /^(Repository|EntityRepository|MongoRepository|TreeRepository|Model|ModelStatic|ModelCtor|ModelType)$/;
/**
 * Query-builder filters: an object (`where({ id })`, PostgREST's `match({ id })`), `(column, value)` (`eq('id', id)`)
 * or `(column, operator, value)` (`filter('id', 'eq', id)`).
 */
const BUILDER_FILTER = /^(where|andWhere|orWhere|whereIn|andWhereIn|orWhereIn|eq|match|in|filter)$/;
const BUILDER_CHANGES = /^(update|upsert|increment|decrement)$/;
const BUILDER_DELETES = /^(del|delete)$/;
/** Methods that name the table of a query builder (`knex.select('*').from('invoices')`, `knex.table('invoices')`). */
const BUILDER_TABLE = /^(from|table|into)$/;
/** Query-builder methods that take no table: the first call of a chain named like one opens no query on a table. */
const BUILDER_METHOD = /^(select|column|columns|distinct|first|pluck|count|sum|min|max|avg|where\w*|orderBy|groupBy|limit|offset|join|leftJoin|innerJoin|with|returning)$/;
/** A table name as query builders take it: `invoices`, `public.invoices`, `invoices as i`. */
const TABLE_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?(\s+as\s+\w+)?$/i;
/** A column as a filter names it: `id`, `invoices.id`; a condition in SQL text (`'id = :id'`) is none. */
const COLUMN_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/;
/** Promise methods that may follow a query builder. */
const PROMISE_METHOD = /^(then|catch|finally|asCallback)$/;
/** Columns that count what others do with a record: `favorites_count`, `viewCount`, `likes`, `views`. */
const TALLY_COLUMN = /(^|_)count$|[a-z]Count$|^(views|likes|hits|clicks|upvotes|downvotes|stars)$/;
/** Drizzle's query starts and the operation each one is. */
const DRIZZLE_START: Record<string, Operation> = { select: 'Reads', selectDistinct: 'Reads', update: 'Changes', delete: 'Deletes' };

export function isIdKey(key: string): boolean {
  return ID_KEY.test(key) && !isIdentityKey(key);
}

/** The record access a call is as the library models say, if any (see RecordCallModel). */
export type ModelRecordCall = (call: TSESTree.CallExpression) => RecordCallModel | undefined;

const MODEL_OPERATION: Record<RecordCallModel['operation'], Operation> = { read: 'Reads', change: 'Changes', delete: 'Deletes' };

/**
 * Every record access of a file. `isModel` says whether a target names a known model, which makes a call a record
 * access whatever its receiver is called (`context.db.invoice.findUnique` on a Prisma model); `modelCall` reads
 * the calls the user's models name, before any shape the analysis knows by itself.
 */
export function findRecordAccesses(index: FileIndex, isModel: (target: ModelTarget) => boolean, modelCall?: ModelRecordCall): RecordAccess[] {
  const accesses: RecordAccess[] = [];
  // The calls of a query-builder chain are one access: its `where`, `update` or `delete` are not accesses again.
  const inBuilder = new Set<TSESTree.CallExpression>();
  for (const call of index.calls) {
    const builder = builderAccess(call, index);
    if (!builder) continue;
    if (builder.access) accesses.push(builder.access);
    for (const link of builder.links) inBuilder.add(link);
  }
  for (const call of index.calls) {
    if (inBuilder.has(call)) continue;
    const modelled = modelCall?.(call);
    const access = modelled ? modelledAccess(call, modelled) : drizzleAccess(call) ?? methodAccess(call, index, isModel);
    if (access) accesses.push(access);
  }
  return accesses;
}

function modelledAccess(call: TSESTree.CallExpression, model: RecordCallModel): RecordAccess {
  const callee = unwrap(call.callee);
  const node = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
  return { call, node, operation: MODEL_OPERATION[model.operation], ...selection(call, model.selector ?? 0) };
}

function methodAccess(call: TSESTree.CallExpression, index: FileIndex, isModel: (target: ModelTarget) => boolean): RecordAccess | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  // Most calls are not record access: the method name decides before the receiver is looked at.
  if (!name || !(READS.test(name) || CHANGES.test(name) || DELETES.test(name) || SQL_METHODS.test(name))) return undefined;
  const receiver = unwrap(callee.object);
  const rootName = rootIdentifier(callee.object)?.name ?? (thisRooted(receiver) ? 'this' : undefined);
  const receiverName = receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined;
  if (!rootName) return undefined;
  const entityFirst = ENTITY_FIRST.test(receiverName ?? '') && call.arguments.length >= 2 ? { node: call.arguments[0]! } : undefined;
  let target = entityFirst ?? targetOf(receiver, index);
  // Prisma delegates always take an object (`{ where }`); `req.session.destroy(callback)` is no delegate.
  if (target && 'prisma' in target && unwrap(call.arguments[0] ?? call).type !== AST_NODE_TYPES.ObjectExpression) target = undefined;
  const known = target !== undefined && isModel(target);
  // `ctx.db.post.findUnique({ where })`: a delegate of a database client the request context carries.
  const delegate = target !== undefined && 'prisma' in target && receiver.type === AST_NODE_TYPES.MemberExpression && DATA_RECEIVER.test(lastName(unwrap(receiver.object)) ?? '');
  if (!known && !delegate && NOT_DATA.test(rootName)) return undefined;
  const operation = READS.test(name) ? 'Reads' : CHANGES.test(name) ? 'Changes' : DELETES.test(name) ? 'Deletes' : undefined;
  // Reads through a service are too often meant for everyone; a change or a delete by a client id is the classic IDOR.
  if (!known && receiverName !== undefined && SERVICE_RECEIVER.test(receiverName)) {
    if (operation === 'Changes' || operation === 'Deletes') return { call, node: callee.property, operation, service: receiverName, ...selection(call, 0) };
    return undefined;
  }
  // `user.profile.pictures.delete(key)` after `const user = await User.findById(…)`: a field of a loaded record.
  if (!known && !delegate && isFieldOfLoadedRecord(receiver, index)) return undefined;
  const modelLike = known || delegate || /^[A-Z]/.test(rootName) || DATA_RECEIVER.test(rootName) || (receiverName !== undefined && (DATA_RECEIVER.test(receiverName) || /s$/.test(receiverName)));
  if (!modelLike) return undefined;
  const withTarget = target ? { target } : {};
  if (SQL_METHODS.test(name)) {
    const sql = sqlText(call.arguments[0]);
    return sql !== undefined ? { call, node: callee.property, operation: sqlOperation(sql), ...withTarget, ...sqlSelection(call, sql) } : undefined;
  }
  return operation ? { call, node: callee.property, operation, ...withTarget, ...selection(call, filterPosition(call, entityFirst ? 1 : 0)) } : undefined;
}

/** A member below a variable that holds a record read from the database (`const user = await User.findById(id)`). */
function isFieldOfLoadedRecord(receiver: TSESTree.Node, index: FileIndex): boolean {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = rootIdentifier(receiver);
  const def = root ? index.variableOf(root)?.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  let init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
  const name = init.type === AST_NODE_TYPES.CallExpression ? calleeName(init) : undefined;
  return name !== undefined && READS.test(name);
}

function lastName(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : undefined;
}

/** The model a receiver names: the receiver itself, a Prisma delegate, an injected repository's entity. */
export function targetOfReceiver(receiver: TSESTree.Node, index: FileIndex): ModelTarget | undefined {
  return targetOf(receiver, index);
}

function targetOf(receiver: TSESTree.Node, index: FileIndex): ModelTarget | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) return repositoryEntity(receiver, index) ?? { node: receiver };
  if (receiver.type === AST_NODE_TYPES.CallExpression) return getRepositoryEntity(receiver);
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = memberName(receiver);
  const holder = unwrap(receiver.object);
  if (holder.type === AST_NODE_TYPES.ThisExpression && property) {
    const entity = injectedEntity(receiver, property);
    if (entity) return { node: entity };
  }
  // `prisma.invoice`, `this.prisma.document`, `ctx.db.post`: a delegate named after its model; `schema.notes`: a table.
  if (property && holder.type !== AST_NODE_TYPES.ThisExpression) return holderIsModule(holder) ? { node: receiver } : { prisma: property };
  return undefined;
}

/** `schema.notes` or `models.Invoice`: a namespace of models rather than a client. */
function holderIsModule(holder: TSESTree.Node): boolean {
  return holder.type === AST_NODE_TYPES.Identifier && /^(schema|schemas|models|tables|entities)$/i.test(holder.name);
}

/** `const repo = dataSource.getRepository(Invoice)`: the entity of a repository variable. */
function repositoryEntity(identifier: TSESTree.Identifier, index: FileIndex): ModelTarget | undefined {
  const def = index.variableOf(identifier)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.CallExpression ? getRepositoryEntity(init) : undefined;
}

function getRepositoryEntity(call: TSESTree.CallExpression): ModelTarget | undefined {
  const name = calleeName(call);
  const entity = call.arguments[0];
  return (name === 'getRepository' || name === 'getCustomRepository' || name === 'getMongoRepository') && entity ? { node: entity } : undefined;
}

/**
 * The entity of `this.orders` in a class whose constructor takes `@InjectRepository(Order) orders: Repository<Order>`
 * (or a field typed `Repository<Order>`, a Mongoose `@InjectModel(Cat.name) cats: Model<Cat>`).
 */
function injectedEntity(member: TSESTree.MemberExpression, property: string): TSESTree.Node | undefined {
  let owner: TSESTree.Node | undefined = member.parent;
  while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
  if (owner?.type !== AST_NODE_TYPES.ClassBody) return undefined;
  for (const element of owner.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKeyName(element) === property) return entityOfHolder(element);
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const param of element.value.params) {
      const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
      if (inner.type === AST_NODE_TYPES.Identifier && inner.name === property) return entityOfHolder(inner, param);
    }
  }
  return undefined;
}

function entityOfHolder(holder: TSESTree.Identifier | TSESTree.PropertyDefinition, decorated: TSESTree.Node = holder): TSESTree.Node | undefined {
  for (const decorator of decoratorsOf(decorated as { decorators?: readonly TSESTree.Decorator[] })) {
    const expression = unwrap(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression || !REPOSITORY_DECORATOR.test(calleeName(expression) ?? '') || !expression.arguments[0]) continue;
    const argument = unwrap(expression.arguments[0]);
    // `@InjectModel(Cat.name)` names the class through its `name`.
    return argument.type === AST_NODE_TYPES.MemberExpression && memberName(argument) === 'name' ? argument.object : argument;
  }
  const wrapper = typeScriptOnly(holder, 'typeAnnotation');
  const annotation = wrapper && typeScriptOnly(wrapper, 'typeAnnotation');
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier || !REPOSITORY_TYPE.test(annotation.typeName.name)) return undefined;
  const argument = typeScriptOnly(annotation, 'typeArguments')?.params[0];
  return argument?.type === AST_NODE_TYPES.TSTypeReference && argument.typeName.type === AST_NODE_TYPES.Identifier ? argument.typeName : undefined;
}

/** Sequelize's `update(values, { where })` names its filter in the second argument; elsewhere the filter comes first. */
function filterPosition(call: TSESTree.CallExpression, from: number): number {
  const second = call.arguments[from + 1] && unwrap(call.arguments[from + 1]!);
  const namesWhere = second?.type === AST_NODE_TYPES.ObjectExpression && second.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === 'where');
  return namesWhere ? from + 1 : from;
}

/** What selects the record among a call's arguments, starting at argument `from` (after an entity class). */
function selection(call: TSESTree.CallExpression, from: number): Pick<RecordAccess, 'ids' | 'owners' | 'scopes'> {
  const first = call.arguments[from];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return { ids: [], owners: [], scopes: [] };
  const bare = unwrap(first);
  if (bare.type !== AST_NODE_TYPES.ObjectExpression) return { ids: [bare], owners: [], scopes: [] };
  const picked: Pick<RecordAccess, 'ids' | 'owners' | 'scopes'> = { ids: [], owners: [], scopes: [] };
  for (const filter of filterObjects(bare)) {
    if (filter.type !== AST_NODE_TYPES.ObjectExpression) {
      conditionKeys(filter, picked);
      continue;
    }
    for (const property of filter.properties) {
      if (property.type !== AST_NODE_TYPES.Property) {
        picked.scopes.push(property.argument);
        continue;
      }
      picked.scopes.push(property.value);
      const key = propertyKeyName(property);
      if (key && isIdentityKey(key)) picked.owners.push(property.value);
      else if (key && ID_KEY.test(key)) picked.ids.push(property.value);
    }
  }
  return picked;
}

/** A filter and the nested `where` it may hold (an object, or Drizzle's `eq(…)` in a relational query). */
function filterObjects(object: TSESTree.ObjectExpression): TSESTree.Node[] {
  const filters: TSESTree.Node[] = [object];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== 'where') continue;
    const value = unwrap(property.value as TSESTree.Node);
    if (value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.CallExpression) filters.push(value);
  }
  return filters;
}

/**
 * A query-builder chain opened on a table name and filtered by columns, at its outermost call:
 * `db('invoices').where({ id }).first()`, `knex('invoices').where('id', id).del()`, `knex.select('*').from('invoices')
 * .where('id', id)`. A callable that takes a string (`axios(url)`, `t('title')`, `$('#id')`) opens no table: the
 * chain needs a table name and a column filter.
 */
function builderAccess(call: TSESTree.CallExpression, index: FileIndex): { access?: RecordAccess; links: TSESTree.CallExpression[] } | undefined {
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) return undefined;
  const links: { name: string; call: TSESTree.CallExpression; property: TSESTree.Node }[] = [];
  let current: TSESTree.Node = call;
  for (let hops = 0; hops < 16 && current.type === AST_NODE_TYPES.CallExpression; hops++) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) break;
    links.push({ name: memberName(callee) ?? '', call: current, property: callee.property });
    current = unwrap(callee.object);
  }
  const filters = links.filter((link) => BUILDER_FILTER.test(link.name));
  if (filters.length === 0) return undefined;
  const table = tableOfChain(current, links, index);
  if (table === undefined) return undefined;
  const picked: Pick<RecordAccess, 'ids' | 'owners' | 'scopes'> = { ids: [], owners: [], scopes: [] };
  for (const filter of filters) builderFilter(filter.call, picked);
  const names = links.map((link) => link.name);
  const operation: Operation = names.some((name) => BUILDER_DELETES.test(name)) ? 'Deletes' : names.some((name) => BUILDER_CHANGES.test(name)) ? 'Changes' : 'Reads';
  // Reported at the call that changes or deletes (`.delete()` before Supabase's `.eq()`), else at the outermost call.
  const reported = links.find((link) => BUILDER_DELETES.test(link.name) || BUILDER_CHANGES.test(link.name)) ?? links.find((link) => !PROMISE_METHOD.test(link.name)) ?? filters[0]!;
  // A tally bumped by one (`increment('favorites_count', 1)` when a caller likes an article) changes nothing the
  // record's owner controls: counting on others' records is what such a column is for.
  if (operation === 'Changes' && links.every((link) => !BUILDER_CHANGES.test(link.name) || isTallyStep(link.call))) return { links: links.map((link) => link.call) };
  return { access: { call: reported.call, node: reported.property, operation, target: { table }, ...picked }, links: links.map((link) => link.call) };
}

/** `increment('views')`, `decrement('likes_count', 1)`: a counter column moved by a fixed step of one. */
function isTallyStep(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  if (name !== 'increment' && name !== 'decrement') return false;
  const column = staticString(call.arguments[0]);
  const step = call.arguments[1] && unwrap(call.arguments[1]);
  const byOne = !step || (step.type === AST_NODE_TYPES.Literal && step.value === 1);
  return column !== undefined && TALLY_COLUMN.test(column) && byOne;
}

/** The table a chain opens: `db('invoices')` at its start, or its `from`/`table` link; `undefined` when none. */
function tableOfChain(start: TSESTree.Node, links: readonly { name: string; call: TSESTree.CallExpression }[], index: FileIndex): string | undefined {
  // `db('invoices')` or `knex(TABLE)`: a plain call opens the chain.
  if (start.type === AST_NODE_TYPES.CallExpression) return tableName(start.arguments[0], index);
  const first = links[links.length - 1];
  // `this.db('invoices')`: the chain's first call is the instance's, unless it is a builder method (`knex.select('id')`).
  if (first && !BUILDER_METHOD.test(first.name) && !BUILDER_TABLE.test(first.name)) return tableName(first.call.arguments[0], index);
  for (const link of links) if (BUILDER_TABLE.test(link.name)) return tableName(link.call.arguments[0], index);
  return undefined;
}

/** A table name in a string, or in a constant holding one. */
function tableName(node: TSESTree.Node | undefined, index: FileIndex): string | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  let text = staticString(bare);
  if (text === undefined && bare.type === AST_NODE_TYPES.Identifier) {
    const def = index.variableOf(bare)?.defs[0];
    const constant = def?.type === 'Variable' && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === 'const';
    if (constant && def.node.type === AST_NODE_TYPES.VariableDeclarator) text = staticString(def.node.init ?? undefined);
  }
  return text !== undefined && TABLE_NAME.test(text) ? text.split(/\s/)[0]!.split('.').pop() : undefined;
}

/** A builder filter's columns: an object filter's keys, or the column of `where(column, value)` / `where(column, op, value)`. */
function builderFilter(call: TSESTree.CallExpression, picked: Pick<RecordAccess, 'ids' | 'owners' | 'scopes'>): void {
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
  if (unwrap(first).type === AST_NODE_TYPES.ObjectExpression) {
    const found = selection(call, 0);
    picked.ids.push(...found.ids);
    picked.owners.push(...found.owners);
    picked.scopes.push(...found.scopes);
    return;
  }
  const text = staticString(first);
  const column = text !== undefined && COLUMN_NAME.test(text) ? text.split('.').pop() : undefined;
  const value = call.arguments.length === 2 || call.arguments.length === 3 ? call.arguments[call.arguments.length - 1] : undefined;
  if (column === undefined || !value || value.type === AST_NODE_TYPES.SpreadElement) return;
  picked.scopes.push(value);
  if (isIdentityKey(column)) picked.owners.push(value);
  else if (ID_KEY.test(column)) picked.ids.push(value);
}

/** `db.select().from(notes).where(eq(notes.id, id))`, `db.delete(notes).where(and(eq(…), eq(…)))`, `db.update(t).set(…).where(…)`. */
function drizzleAccess(call: TSESTree.CallExpression): RecordAccess | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'where' || !call.arguments[0]) return undefined;
  let operation: Operation | undefined;
  let table: TSESTree.Node | undefined;
  let current = unwrap(callee.object);
  for (let hops = 0; hops < 8 && current.type === AST_NODE_TYPES.CallExpression; hops++) {
    const inner = unwrap(current.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(inner) ?? '';
    if (name === 'from' || ((name === 'update' || name === 'delete') && current.arguments[0])) table = current.arguments[0];
    if (Object.hasOwn(DRIZZLE_START, name)) {
      operation = DRIZZLE_START[name];
      break;
    }
    current = unwrap(inner.object);
  }
  if (!operation || !table || table.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const picked: Pick<RecordAccess, 'ids' | 'owners' | 'scopes'> = { ids: [], owners: [], scopes: [] };
  conditionKeys(unwrap(call.arguments[0]), picked);
  return { call, node: callee.property, operation, target: { node: table }, ...picked };
}

/** The values a query builder's condition compares with owner columns (`where(and(eq(t.id, id), eq(t.authorId, sub)))`). */
export function ownerConditionValues(call: TSESTree.CallExpression): readonly TSESTree.Node[] {
  return drizzleAccess(call)?.owners ?? [];
}

/** The columns `eq(table.col, value)` compares, through `and(…)`/`or(…)`, sorted into ids and owner keys. */
function conditionKeys(condition: TSESTree.Node, picked: Pick<RecordAccess, 'ids' | 'owners' | 'scopes'>): void {
  const stack: TSESTree.Node[] = [condition];
  for (let seen = 0; stack.length > 0 && seen < 64; seen++) {
    const node = unwrap(stack.pop()!);
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = calleeName(node);
    if (name === 'and' || name === 'or') {
      for (const argument of node.arguments) stack.push(argument);
      continue;
    }
    const [column, value] = node.arguments;
    const bareColumn = column && unwrap(column);
    if ((name !== 'eq' && name !== 'inArray') || bareColumn?.type !== AST_NODE_TYPES.MemberExpression || !value || value.type === AST_NODE_TYPES.SpreadElement) continue;
    const key = memberName(bareColumn);
    picked.scopes.push(value);
    if (key && isIdentityKey(key)) picked.owners.push(value);
    else if (key && ID_KEY.test(key)) picked.ids.push(value);
  }
}

/** `db.query('SELECT … WHERE id = $1', [req.params.id])` and the template-literal form. */
function sqlSelection(call: TSESTree.CallExpression, sql: string): Pick<RecordAccess, 'ids' | 'owners' | 'scopes' | 'sql'> {
  const where = sql.search(/\bwhere\b/i);
  if (where < 0) return { ids: [], owners: [], scopes: [], sql };
  const template = unwrap(call.arguments[0]!);
  const params = call.arguments[1] && unwrap(call.arguments[1]);
  const elements = params?.type === AST_NODE_TYPES.ArrayExpression ? params.elements : [];
  const candidates: TSESTree.Node[] = [
    ...(template.type === AST_NODE_TYPES.TemplateLiteral ? template.expressions.filter((_, i) => afterWhere(template.quasis.slice(0, i + 1))) : []),
    ...whereParams(template.type === AST_NODE_TYPES.TemplateLiteral && template.expressions.length > 0 ? undefined : sql.slice(where), sql.slice(0, where), elements.length)
      .flatMap((i) => {
        const element = elements[i];
        return element && element.type !== AST_NODE_TYPES.SpreadElement ? [element] : [];
      }),
  ];
  // What the statement sets (`SET status = $1`) chooses no record: only what its WHERE clause compares does.
  return { ids: candidates, owners: [], scopes: candidates, sql };
}

function afterWhere(quasis: readonly TSESTree.TemplateElement[]): boolean {
  return /\bwhere\b/i.test(quasis.map((quasi) => quasi.value.cooked).join(' '));
}

/**
 * The parameters a WHERE clause names: `$2` by number, `?` by position (those after the ones before it); all of
 * them when the text is unknown or names them some other way (`:id`).
 */
function whereParams(clause: string | undefined, before: string, count: number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (clause === undefined) return all;
  const numbered = [...clause.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
  if (numbered.length > 0) return numbered.filter((i) => i >= 0 && i < count);
  if (clause.includes('?')) return all.slice((before.match(/\?/g) ?? []).length);
  return all;
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

function thisRooted(node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.ThisExpression;
}
