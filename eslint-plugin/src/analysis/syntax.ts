import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './types';

// The package re-exports the enum through two getters; `unwrap` runs on almost every node, so read it once.
const AST_NODE_TYPES = NODE_TYPES;

/** Small, pure helpers over ESTree nodes, shared by the analysis modules. */

/**
 * Fields that only @typescript-eslint/parser puts on nodes. ESLint parses `.js` files with espree, whose nodes
 * carry none of them (a class has no `decorators`, a parameter no `typeAnnotation`), although the TSESTree types
 * declare them on every node. The lint configuration forbids reading them anywhere but here.
 */
type TypeScriptOnlyField =
  | 'decorators'
  | 'typeAnnotation'
  | 'returnType'
  | 'typeParameters'
  | 'typeArguments'
  | 'superTypeArguments'
  | 'implements'
  | 'definite'
  | 'declare'
  | 'abstract'
  | 'accessibility'
  | 'override'
  | 'readonly'
  | 'importKind'
  | 'exportKind';

/** A TypeScript-only field of a node, or undefined where the parser did not set it (espree, always). */
export function typeScriptOnly<N extends object, K extends TypeScriptOnlyField & keyof N>(node: N, field: K): N[K] | undefined {
  return (node as Partial<N>)[field];
}

/** The decorators on a class, member or parameter: none under espree, which has no decorator syntax. */
export function decoratorsOf(node: { decorators?: readonly TSESTree.Decorator[] }): readonly TSESTree.Decorator[] {
  return typeScriptOnly(node, 'decorators') ?? [];
}

/** The name of a parameter's annotated type (`Request`, `express.Request`), when it has one. */
export function annotatedTypeName(param: TSESTree.Parameter): string | undefined {
  const annotation = 'typeAnnotation' in param ? typeScriptOnly(param, 'typeAnnotation')?.typeAnnotation : undefined;
  if (!annotation || annotation.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const typeName = annotation.typeName;
  if (typeName.type === AST_NODE_TYPES.Identifier) return typeName.name;
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) return `${typeName.left.type === AST_NODE_TYPES.Identifier ? typeName.left.name : ''}.${typeName.right.name}`;
  return undefined;
}

/**
 * The type name a binding is annotated with (`dto` in `dto: UpdateProfileDto`), or, for the rest of a destructured
 * parameter (`{ password, ...profile }: RegisterDto`), the type of the whole pattern.
 */
export function annotatedTypeIdentifier(binding: TSESTree.Identifier): TSESTree.Identifier | undefined {
  let holder: TSESTree.Node = binding;
  if (holder.parent?.type === AST_NODE_TYPES.RestElement && holder.parent.parent?.type === AST_NODE_TYPES.ObjectPattern) holder = holder.parent.parent;
  const wrapper = 'typeAnnotation' in holder ? typeScriptOnly(holder as TSESTree.Identifier, 'typeAnnotation') : undefined;
  const annotation = wrapper && typeScriptOnly(wrapper, 'typeAnnotation');
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  return annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName : undefined;
}

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

/** The class whose body holds `node`: a method's class, or the class a constructor's `super(…)` is in. */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassDeclaration && current.type !== AST_NODE_TYPES.ClassExpression) current = current.parent;
  return current;
}

/** What a function gives back when written to return one value: its arrow body, else the first top-level `return`. */
export function functionResult(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) return statement.argument;
  }
  return undefined;
}

/** Strips wrappers that do not change a value: TS assertions, `!`, `satisfies`, parentheses, optional chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/**
 * The static name of a member access (`a.b`, `a['b']`, `` a[`b`] ``), `#b` for a private field (`this.#b`), or
 * undefined when computed.
 */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    if (node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : undefined;
  }
  return staticString(node.property);
}

/** The value of a string literal or a template literal without expressions. */
export function staticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal && typeof bare.value === 'string') return bare.value;
  if (bare.type === AST_NODE_TYPES.TemplateLiteral && bare.expressions.length === 0) {
    return bare.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** A property key's static name (`role`, `'role'`, `['role']`). */
export function propertyKeyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.TSPropertySignature): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  return staticString(node.key);
}

/** The value an object literal gives a key (`{ option: value }`, `{ 'option': value }`), as written. */
/** The static keys of an object literal; none for anything else. */
export function objectKeys(node: TSESTree.Node | undefined): string[] {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return node.properties.flatMap((property) => {
    const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
    return key ? [key] : [];
  });
}

export function propertyValue(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === key) return property.value;
  }
  return undefined;
}

const TEST_METHOD = /^(includes|has|some|every|startsWith|endsWith|indexOf|match|test|contains|find|hasOwnProperty|equals)$/;

/** A method whose result tests its receiver against its arguments (`roles.includes(role)`, `pattern.test(path)`). */
export function isTestMethod(name: string | undefined): boolean {
  return name !== undefined && TEST_METHOD.test(name);
}

/** The name a call's callee ends with: `f` for `f()`, `can` for `ability.can()`. */
export function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}

/** The receiver of a method call (`ability` in `ability.can()`), or undefined for plain calls. */
export function calleeObject(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Expression | undefined {
  const callee = unwrap(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
}

/** `a.b.c` for a chain of plain member accesses on an identifier, `a.b.get('c')` style calls excluded. */
export function dottedPath(node: TSESTree.Node): string | undefined {
  const parts: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name === undefined) return undefined;
    parts.unshift(name);
    current = unwrap(current.object);
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) parts.unshift('this');
  else if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
  else return undefined;
  return parts.join('.');
}

/** The name a function is known by: its own, its variable's, or its method's or property's key; undefined when anonymous. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return undefined;
}

/** The identifier a member chain starts from (`req` in `req.headers['x']`). */
export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** A numeric HTTP status in a literal or a named constant (`403`, `HttpStatus.FORBIDDEN`, `StatusCodes.UNAUTHORIZED`). */
export function statusCode(node: TSESTree.Node | undefined): number | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Literal && typeof bare.value === 'number') return bare.value;
  const name =
    bare.type === AST_NODE_TYPES.MemberExpression ? memberName(bare) : bare.type === AST_NODE_TYPES.Identifier ? bare.name : undefined;
  if (!name) return undefined;
  if (/^(FORBIDDEN|Forbidden)$/.test(name)) return 403;
  if (/^(UNAUTHORIZED|Unauthorized)$/.test(name)) return 401;
  if (/^(BAD_REQUEST|BadRequest|UNPROCESSABLE_ENTITY)$/.test(name)) return 400;
  if (/^(NOT_FOUND|NotFound)$/.test(name)) return 404;
  return undefined;
}

/** The name an operand goes by: identifier, last member, env variable, or the method that produced it. */
export function operandName(node: TSESTree.Node): string | undefined {
  const bare = unwrap(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return bare.name;
  if (bare.type === AST_NODE_TYPES.MemberExpression) return memberName(bare);
  if (bare.type === AST_NODE_TYPES.CallExpression) {
    if (bare.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(bare.callee);
      // `x.toString()` / `x.trim()` keep x's meaning; `hmac.digest('hex')` is the digest itself.
      if (method && /^(toString|trim|toLowerCase|toUpperCase|valueOf)$/.test(method)) return operandName(bare.callee.object);
      // `req.get('x-signature')`, `headers.get('stripe-signature')`: the value is named by its key.
      const key = method && /^(get|header|getHeader|query|param|cookie)$/.test(method) ? staticString(bare.arguments[0]) : undefined;
      return key ?? method;
    }
    return bare.callee.type === AST_NODE_TYPES.Identifier ? bare.callee.name : undefined;
  }
  return undefined;
}
