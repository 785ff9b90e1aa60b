/**
 * Which model a piece of code touches: the model an expression names (declared in this file or imported), the one a
 * write persists into, and the DTO, interface or schema a value is declared, asserted or parsed as. What the
 * decision finder and the record-access facts ask about models, in one place.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { WriteModels } from './decisions';
import type { FileIndex } from './file-index';
import type { ImportRef } from './imports';
import { isSafeParsingMethod, isValidatingMethod } from './names';
import { targetOfReceiver, type ModelTarget, type RecordAccess } from './records';
import type { ModelCatalog, ModelSummary } from './schemas';
import type { ModelRef } from './service-facts';
import { annotatedTypeIdentifier, calleeName, calleeObject, memberName, propertyKeyName, typeScriptOnly, unwrap } from './syntax';

/** What the project index tells about models of other files. */
export interface ModelHooks {
  importRef(node: TSESTree.Node): ImportRef | undefined;
  modelOf(ref: ImportRef): ModelSummary | undefined;
  prismaModel(delegate: string): ModelSummary | undefined;
  /** The table another file's migration creates (`knex.schema.createTable('invoices', …)`). */
  tableModel(table: string): ModelSummary | undefined;
}

/** What the file's analysis tells about its own calls. */
export interface FileCalls {
  accessOf(call: TSESTree.CallExpression): { access: RecordAccess; model?: ModelSummary } | undefined;
  followedCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
}

/** How many variables deep a value is followed to what initialised it. */
const MAX_HOPS = 2;

export class ModelLookup implements WriteModels {
  constructor(
    private readonly index: FileIndex,
    private readonly catalog: ModelCatalog,
    private readonly project: ModelHooks | undefined,
    private readonly calls: FileCalls,
  ) {}

  /** The model, schema or DTO an expression names, declared in this file or imported from another. */
  modelOf(node: TSESTree.Node): ModelSummary | undefined {
    const local = this.catalog.modelOf(node);
    if (local) return local;
    const ref = this.project?.importRef(node);
    return ref ? this.project?.modelOf(ref) : undefined;
  }

  modelOfTarget(target: ModelTarget): ModelSummary | undefined {
    if ('table' in target) return this.catalog.migrationTables().get(target.table) ?? this.project?.tableModel(target.table);
    return 'prisma' in target ? this.project?.prismaModel(target.prisma) : this.modelOf(target.node);
  }

  /** How a summary names a target's model: this file's own model, the import that names it, or a Prisma model. */
  modelRefOf(target: ModelTarget): ModelRef | undefined {
    if ('prisma' in target) return this.project?.prismaModel(target.prisma) ? { prisma: target.prisma } : undefined;
    if ('table' in target) {
      const local = this.catalog.migrationTables().get(target.table);
      if (local) return { local };
      return this.project?.tableModel(target.table) ? { table: target.table } : undefined;
    }
    const local = this.catalog.modelOf(target.node);
    if (local) return { local };
    const ref = this.project?.importRef(target.node);
    return ref ? { ref } : undefined;
  }

  isFollowedCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    return this.calls.followedCall(call);
  }

  writeTarget(call: TSESTree.CallExpression | TSESTree.NewExpression): ModelSummary | undefined {
    if (call.type === AST_NODE_TYPES.NewExpression) return this.modelOf(call.callee);
    const name = calleeName(call);
    const receiver = calleeObject(call);
    // `Object.assign(user, body)`, `_.merge(user, body)`, `wrap(user).assign(dto)`: the target is the record assigned to.
    if ((name === 'assign' || name === 'merge') && call.arguments.length >= 2) return this.recordModel(call.arguments[0]!);
    if (name === 'assign' && receiver && unwrap(receiver).type === AST_NODE_TYPES.CallExpression) {
      const wrapped = (unwrap(receiver) as TSESTree.CallExpression).arguments[0];
      return wrapped ? this.recordModel(wrapped) : undefined;
    }
    if (!receiver) return undefined;
    const bare = unwrap(receiver);
    const target = targetOfReceiver(bare, this.index);
    const model = target ? this.modelOfTarget(target) : undefined;
    // `user.update(req.body)` on `const user = await User.findByPk(id)`: the record's own model.
    return model ?? (bare.type === AST_NODE_TYPES.Identifier ? this.recordModel(bare) : undefined);
  }

  /** The model of a record a variable holds: `new User()`, `await User.findById(id)`, `await this.users.findOneBy(…)`. */
  private recordModel(node: TSESTree.Node, hops = 0): ModelSummary | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.AwaitExpression) return this.recordModel(bare.argument, hops);
    if (bare.type === AST_NODE_TYPES.NewExpression) return this.modelOf(bare.callee);
    if (bare.type === AST_NODE_TYPES.CallExpression) {
      const access = this.calls.accessOf(bare);
      if (access) return access.model;
      const receiver = calleeObject(bare);
      const target = receiver ? targetOfReceiver(unwrap(receiver), this.index) : undefined;
      return target ? this.modelOfTarget(target) : undefined;
    }
    if (bare.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
    const def = this.index.variableOf(bare)?.defs[0];
    if (def?.type === 'Parameter') return this.declaredModel(def.name as TSESTree.Identifier);
    return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? this.recordModel(def.node.init, hops + 1) : undefined;
  }

  /**
   * The DTO, interface or schema a value is: a parameter's declared type (`@Body() dto: UpdateProfileDto`), a
   * variable's, an assertion (`req.body as InviteBody`), or the schema that parsed it (`profileSchema.parse(req.body)`).
   */
  valueModel(node: TSESTree.Node, hops = 0): ModelSummary | undefined {
    if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      const type = typeScriptOnly(node, 'typeAnnotation');
      return (type && this.typeModel(type)) ?? this.valueModel(node.expression, hops);
    }
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.AwaitExpression) return this.valueModel(bare.argument, hops);
    const validation = this.validationOf(bare);
    if (validation) {
      const schema = calleeObject(validation);
      return schema ? this.modelOf(schema) : undefined;
    }
    if (bare.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
    const def = this.index.variableOf(bare)?.defs[0];
    if (!def) return undefined;
    if (def.type === 'Parameter') return this.declaredModel(def.name as TSESTree.Identifier);
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    return this.declaredModel(def.node.id as TSESTree.Identifier) ?? (def.node.init ? this.valueModel(def.node.init, hops + 1) : undefined);
  }

  /** `schema.parse(x)`, directly or through the variable it initialises, with a schema this analysis knows: `x`. */
  parsedInput(node: TSESTree.Node, hops = 0): TSESTree.Node | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.AwaitExpression) return this.parsedInput(bare.argument, hops);
    const validation = this.validationOf(bare);
    if (validation) {
      const schema = calleeObject(validation);
      const input = validation.arguments[0];
      return schema && input && input.type !== AST_NODE_TYPES.SpreadElement && this.modelOf(schema) ? input : undefined;
    }
    if (bare.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
    const def = this.index.variableOf(bare)?.defs[0];
    return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? this.parsedInput(def.node.init, hops + 1) : undefined;
  }

  /**
   * The schema call whose parsed data `node` is: `schema.parse(x)` itself, the `data` of `schema.safeParse(x)`
   * (`result.data`, or `const { data } = schema.safeParse(x)`), through the variables that hold them.
   */
  private validationOf(node: TSESTree.Node, hops = 0): TSESTree.CallExpression | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.AwaitExpression) return this.validationOf(bare.argument, hops);
    if (bare.type === AST_NODE_TYPES.CallExpression) return isValidatingMethod(calleeName(bare) ?? '') ? bare : undefined;
    if (bare.type === AST_NODE_TYPES.MemberExpression && memberName(bare) === 'data') return this.safeParseOf(bare.object, hops);
    if (bare.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
    const def = this.index.variableOf(bare)?.defs[0];
    if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    const pattern = def.node.id;
    if (pattern.type === AST_NODE_TYPES.Identifier) return this.validationOf(def.node.init, hops + 1);
    // `const { data } = schema.safeParse(req.body)`
    const destructuresData =
      pattern.type === AST_NODE_TYPES.ObjectPattern &&
      pattern.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === 'data' && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === bare.name);
    return destructuresData ? this.safeParseOf(def.node.init, hops + 1) : undefined;
  }

  /** `schema.safeParse(x)` (or its async form), directly or through the variable holding its result. */
  private safeParseOf(node: TSESTree.Node, hops: number): TSESTree.CallExpression | undefined {
    const bare = unwrap(node);
    if (bare.type === AST_NODE_TYPES.AwaitExpression) return this.safeParseOf(bare.argument, hops);
    if (bare.type === AST_NODE_TYPES.CallExpression) return isSafeParsingMethod(calleeName(bare) ?? '') ? bare : undefined;
    if (bare.type !== AST_NODE_TYPES.Identifier || hops > MAX_HOPS) return undefined;
    const def = this.index.variableOf(bare)?.defs[0];
    return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier
      ? this.safeParseOf(def.node.init, hops + 1)
      : undefined;
  }

  /** The model a binding's type annotation names. */
  private declaredModel(binding: TSESTree.Identifier): ModelSummary | undefined {
    const type = annotatedTypeIdentifier(binding);
    return type ? (this.modelOf(type) ?? this.catalog.typeModel(type.name)) : undefined;
  }

  private typeModel(type: TSESTree.TypeNode): ModelSummary | undefined {
    if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.modelOf(type.typeName) ?? this.catalog.typeModel(type.typeName.name);
  }
}
