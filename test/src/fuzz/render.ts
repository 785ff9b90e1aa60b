import type { Condition, Declaration, Expr, GeneratedFile, Handler, Helper, Statement } from './model';
import { CLAIMS, IDENTITY_COLUMNS, KEYS, LITERALS, METHODS, PRIVILEGE_FIELDS, ROUTES, SECRETS, SETTINGS_VARIANTS, VERIFY_OPTIONS } from './model';
import { annotation, FRAMEWORKS, member, type Dialect, type FrameworkModel } from './frameworks';

export interface RenderedFile {
  framework: string;
  dialect: Dialect;
  filename: string;
  code: string;
  settings: Record<string, unknown> | undefined;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];
const quote = (text: string): string => JSON.stringify(text);

const AUTHORIZATION_CALLS: readonly ((value: string) => string)[] = [
  (value) => `hasRole(${value}, 'admin')`,
  (value) => `ability.can('read', ${value})`,
  (value) => `checkAccess(${value})`,
  (value) => `enforcer.enforce(${value}, '/reports', 'read')`,
];

/**
 * Renders one generated file; every index is reduced modulo what exists, so any model gives valid code. The
 * JavaScript rendering is the same program without type syntax, line for line; undefined for a framework that
 * needs TypeScript syntax.
 */
export function renderFile(file: GeneratedFile, dialect: Dialect = 'ts'): RenderedFile | undefined {
  const framework = pick(FRAMEWORKS, file.framework);
  if (dialect === 'js' && !framework.javascript) return undefined;
  const helperNames = file.helpers.map(helperName);
  const helpers = file.helpers.map((helper, i) => renderHelper(helper, i, helperNames, dialect)).join('\n');
  const handlers = file.handlers.map((handler, i) => ({
    index: i,
    method: pick(METHODS, handler.method),
    route: pick(ROUTES, handler.route),
    body: new HandlerRenderer(framework, helperNames, dialect).render(handler),
  }));
  return {
    framework: framework.name,
    dialect,
    filename: dialect === 'ts' ? framework.filename : framework.filename.replace(/\.ts$/, '.js'),
    code: `${framework.prelude}${helpers}${helpers ? '\n' : ''}${framework.render(handlers, dialect)}\n`,
    settings: pick(SETTINGS_VARIANTS, file.settings),
  };
}

/** The TypeScript rendering, which every framework has. */
export function renderTypeScript(file: GeneratedFile): RenderedFile {
  return renderFile(file, 'ts')!;
}

function helperName(helper: Helper, i: number): string {
  switch (helper.kind) {
    case 'identity':
      return `pick${i}`;
    case 'predicate':
      return `isAdmin${i}`;
    case 'normalise':
      return `normalise${i}`;
    case 'recursive':
      return `relay${i}`;
  }
}

function renderHelper(helper: Helper, i: number, names: readonly string[], dialect: Dialect): string {
  const signature = `function ${names[i]}(x${annotation(dialect, 'any')}, n = 2)${annotation(dialect, 'any')}`;
  switch (helper.kind) {
    case 'identity':
      return `${signature} {\n  return x;\n}`;
    case 'predicate':
      return `${signature} {\n  return x === ${quote(pick(LITERALS, helper.literal))};\n}`;
    case 'normalise':
      return `${signature} {\n  return String(x ?? '').trim().toLowerCase();\n}`;
    case 'recursive':
      return `${signature} {\n  return n > 0 ? ${pick(names, helper.callee)}(x, n - 1) : x;\n}`;
  }
}

/** Renders one handler body; aliases are `v0…`, and a declaration only sees the aliases declared before it. */
class HandlerRenderer {
  private aliases: string[] = [];
  private readonly mutable: string[] = [];
  private counter = 0;

  constructor(
    private readonly framework: FrameworkModel,
    private readonly helperNames: readonly string[],
    private readonly dialect: Dialect,
  ) {}

  render(handler: Handler): string {
    const lines: string[] = [];
    handler.declarations.forEach((declaration, i) => lines.push(this.declaration(declaration, `v${i}`)));
    for (const statement of handler.body) lines.push(this.statement(statement, 1));
    return lines.map((line) => `  ${line}`).join('\n');
  }

  private declaration(declaration: Declaration, name: string): string {
    const container = (n: number): string => pick(this.framework.containers, n);
    let text: string;
    switch (declaration.kind) {
      case 'alias':
        text = `${declaration.mutable ? 'let' : 'const'} ${name} = ${this.expr(declaration.value)};`;
        if (declaration.mutable) this.mutable.push(name);
        break;
      case 'destructure': {
        const key = pick(KEYS, declaration.key);
        const property = /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
        const rest = declaration.withRest ? `, ...rest${this.counter++}` : '';
        text = `const { ${property}: ${name}${declaration.withDefault ? " = 'guest'" : ''}${rest} } = ${container(declaration.container)};`;
        break;
      }
      case 'spread':
        text = `const ${name} = { ...${container(declaration.container)}, fixed: 1 }[${quote(pick(KEYS, declaration.key))}];`;
        break;
      case 'computedKey':
        text = `const key${name} = ${quote(pick(KEYS, declaration.key))};\n  const ${name} = ${container(declaration.container)}[key${name}];`;
        break;
      case 'getter':
        text = `const ${name} = { get value() { return ${this.expr(declaration.value)}; } }.value;`;
        break;
      case 'arrayPattern':
        text = `const [${name}] = [${this.expr(declaration.value)}];`;
        break;
      case 'awaited':
        text = `const ${name} = await Promise.resolve(${this.expr(declaration.value)});`;
        break;
      case 'verify':
        text = `const ${name} = jwt.verify(String(token), ${this.typed(pick(SECRETS, declaration.secret))}${pick(VERIFY_OPTIONS, declaration.options)})${this.dialect === 'ts' ? ' as any' : ''};`;
        break;
    }
    this.aliases.push(name);
    return text;
  }

  private expr(expr: Expr): string {
    switch (expr.kind) {
      case 'untrusted':
        return pick(this.framework.untrusted, expr.which)(pick(KEYS, expr.key));
      case 'verified':
        return pick(this.framework.verified, expr.which)(pick(CLAIMS, expr.claim));
      case 'alias':
        return this.aliases.length > 0 ? pick(this.aliases, expr.alias) : quote(pick(LITERALS, expr.alias));
      case 'literal':
        return quote(pick(LITERALS, expr.value));
      case 'member': {
        const key = pick(KEYS, expr.key);
        const inner = `(${this.expr(expr.inner)})`;
        if (expr.style === 'computed') return `${inner}[${quote(key)}]`;
        return member(inner, key, expr.style === 'optional');
      }
      case 'helper':
        return this.helperNames.length > 0 ? `${pick(this.helperNames, expr.helper)}(${this.expr(expr.argument)}, 2)` : this.expr(expr.argument);
      case 'fallback':
        return `(${this.expr(expr.left)} ${expr.operator} ${this.expr(expr.right)})`;
      case 'template':
        return `\`role:\${${this.expr(expr.inner)}}\``;
      case 'string':
        if (expr.method === 'String' || expr.method === 'Number') return `${expr.method}(${this.expr(expr.inner)})`;
        return `String(${this.expr(expr.inner)}).${expr.method}()`;
      case 'cast':
        if (this.dialect === 'js') return `(${this.expr(expr.inner)})`;
        return expr.style === 'as' ? `(${this.expr(expr.inner)} as string)` : `(${this.expr(expr.inner)})!`;
    }
  }

  private condition(condition: Condition): string {
    switch (condition.kind) {
      case 'compare': {
        const right = typeof condition.right === 'number' ? quote(pick(LITERALS, condition.right)) : this.expr(condition.right);
        return `${this.expr(condition.left)} ${condition.operator} ${right}`;
      }
      case 'includes':
        return `[${quote(pick(LITERALS, condition.list))}, ${quote(pick(LITERALS, condition.list + 1))}].includes(${this.expr(condition.value)})`;
      case 'startsWith':
        return `String(${this.expr(condition.value)}).startsWith('adm')`;
      case 'truthy':
        return this.expr(condition.value);
      case 'not':
        return `!(${this.condition(condition.inner)})`;
      case 'and':
        return `(${this.condition(condition.left)}) && (${this.condition(condition.right)})`;
      case 'or':
        return `(${this.condition(condition.left)}) || (${this.condition(condition.right)})`;
      case 'authorizationCall':
        return pick(AUTHORIZATION_CALLS, condition.style)(this.expr(condition.value));
    }
  }

  private block(statements: readonly Statement[], depth: number): string {
    const pad = '  '.repeat(depth);
    return `{\n${statements.map((statement) => `${pad}  ${this.statement(statement, depth + 1)}`).join('\n')}\n${pad}}`;
  }

  private statement(statement: Statement, depth: number): string {
    const f = this.framework;
    switch (statement.kind) {
      case 'if': {
        const otherwise = statement.otherwise ? ` else ${this.block(statement.otherwise, depth)}` : '';
        return `if (${this.condition(statement.test)}) ${this.block(statement.then, depth)}${otherwise}`;
      }
      case 'deny':
        return pick(f.deny, statement.which);
      case 'allow':
        return pick(f.allow, statement.which);
      case 'guard':
        return f.denyExpression ? `(${this.condition(statement.test)}) || ${f.denyExpression};` : `if (!(${this.condition(statement.test)})) { ${pick(f.deny, statement.which)} }`;
      case 'switch': {
        const cases = statement.cases.map((n) => `case ${quote(pick(LITERALS, n))}: { ${pick(f.allow, n)} }`).join(' ');
        const fallback = statement.denyDefault ? pick(f.deny, 0) : 'break;';
        return `switch (${this.expr(statement.value)}) { ${cases} default: ${fallback} }`;
      }
      case 'ternary':
        return `const choice${this.counter++} = ${this.condition(statement.test)} ? 'full' : 'limited';`;
      case 'scopedQuery':
        return `await db.records.findMany({ where: { ${pick(IDENTITY_COLUMNS, statement.column)}: ${this.expr(statement.value)} } });`;
      case 'privilegeWrite':
        return this.privilegeWrite(statement);
      case 'reassign':
        // `v = v + …` makes the variable's value depend on itself: a cycle the evaluator must cut.
        if (this.mutable.length === 0) return `console.log(${this.expr(statement.value)});`;
        return `${pick(this.mutable, statement.alias)} = ${pick(this.mutable, statement.alias)} + ${this.expr(statement.value)};`;
      case 'block':
        return this.block(statement.body, depth);
      case 'try': {
        const handler = statement.denyInCatch ? pick(f.deny, 0) : 'console.error(error);';
        return `try ${this.block(statement.body, depth)} catch (error) { ${handler} }`;
      }
      case 'log':
        return `console.log(${this.expr(statement.value)});`;
    }
  }

  private privilegeWrite(statement: Extract<Statement, { kind: 'privilegeWrite' }>): string {
    const field = pick(PRIVILEGE_FIELDS, statement.field);
    if (statement.style === 'data') return `await db.users.update({ where: { id: 1 }, data: { ${field}: ${this.expr(statement.value)} } });`;
    if (statement.style === 'spread') return `await db.users.create({ data: { ...${pick(this.framework.containers, statement.field)} } });`;
    const name = `account${this.counter++}`;
    return `const ${name}${annotation(this.dialect, 'Record<string, unknown>')} = {};\n  ${name}.${field} = ${this.expr(statement.value)};`;
  }

  /** A secret expression without TypeScript's non-null `!` in JavaScript. */
  private typed(secret: string): string {
    return this.dialect === 'ts' ? secret : secret.replace(/!$/, '');
  }
}
