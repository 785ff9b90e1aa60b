import * as assert from 'node:assert/strict';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import plugin from 'eslint-plugin-claimguard';
import { lintWithRule } from '../lint-one-rule';
import { runUnderBothParsers } from '../both-parsers';

type MessageIds = 'callDepth' | 'evaluationDepth' | 'routePrefixes';

const ruleName = 'no-incomplete-analysis';
const rule = plugin.rules[ruleName]!;

/** A helper chain `f1 → f2 → … → fN` whose last function checks the role the route reads from a header. */
function helperChain(levels: number): string {
  const helpers = [`function f${levels}(role) { if (role !== 'admin') throw new ForbiddenError(); }`];
  for (let i = levels - 1; i >= 1; i--) helpers.push(`function f${i}(role) { f${i + 1}(role); }`);
  return `const app = require('express')();
${helpers.join('\n')}
app.get('/x', (req, res) => { f1(req.headers['x-role']); res.json({}); });`;
}

/** A route that copies a header through `steps` variables before checking it. */
function aliasChain(steps: number): string {
  const aliases = Array.from({ length: steps }, (_, i) => `  const v${i + 1} = v${i};`).join('\n');
  return `app.get('/x', (req, res) => {
  const v0 = req.headers['x-role'];
${aliases}
  if (v${steps} === 'admin') return res.sendStatus(403);
  res.json({});
});`;
}

/** `uses` middleware registrations under wildcard prefixes, then `routes` routes. */
function wildcardPrefixes(uses: number, routes: number): string {
  const lines = ['const app = require(\'express\')();', 'const mw = (req, res, next) => next();'];
  for (let i = 0; i < uses; i++) lines.push(`app.use('/w*/p${i}', mw);`);
  for (let i = 0; i < routes; i++) lines.push(`app.get('/r${i}', (req, res) => res.json({}));`);
  return lines.join('\n');
}

const valid: (string | ValidTestCase<[]>)[] = [
  // A guard that calls itself many times: its own calls add nothing its callers do not pass.
  `const app = require('express')();
function guard(role) {
  if (role !== 'admin') throw new ForbiddenError();
${'  guard(role);\n'.repeat(160)}}
app.get('/x', (req, res) => { guard(req.headers['x-role']); res.json({}); });`,
  // Mutually recursive helpers that nothing outside calls deeper than the bound.
  `function a(v, n) { return n ? b(v, n - 1) : v; }
function b(v, n) { return a(v, n); }
app.get('/r', (req, res) => { if (a(req.headers['x-role'], 3) === 'admin') return res.sendStatus(403); });`,
  // A tree walk that calls itself on members of its parameter, the way a table-of-contents builder does.
  `function items(node, current) {
  if (!node) return {};
  if (node.type === 'paragraph') { current.title = node.value; return current; }
  if (node.type === 'list') { current.items = node.children.map((child) => items(child, {})); return current; }
  const heading = items(node.children[0], {});
  if (node.children.length > 1) items(node.children[1], heading);
  return heading;
}
app.get('/toc', (req, res) => res.json(items(req.body.tree, {})));`,
  // Within every bound: four call levels, forty steps, literal prefixes however many.
  helperChain(4),
  aliasChain(30),
  `const app = require('express')();
const mw = (req, res, next) => next();
${Array.from({ length: 300 }, (_, i) => `app.use('/p${i}', mw);\napp.get('/p${i}/x', (req, res) => res.json({}));`).join('\n')}`,
  // A few wildcard prefixes on a few routes.
  wildcardPrefixes(20, 20),
  {
    code: `import { Controller, Get, Headers } from '@nestjs/common';
@Controller('x')
export class C {
  @Get() h(@Headers('x-role') role: string) { return this.check(role); }
  check(role: string) { if (role !== 'admin') throw new ForbiddenException(); }
}`,
    filename: 'c.controller.ts',
  },
];

const invalid: InvalidTestCase<MessageIds, []>[] = [
  {
    // f6 checks the role; its callers are followed up to f2, whose caller f1 is past the bound.
    code: helperChain(6),
    errors: [{ messageId: 'callDepth', line: 2, column: 25, data: { subject: 'f2', others: '', limit: '4' } }],
  },
  {
    code: aliasChain(45),
    errors: [{ messageId: 'evaluationDepth', line: 48, column: 7, data: { subject: 'v45', limit: '40' } }],
  },
  {
    // 150 wildcard prefixes weighed against 150 routes pass the budget of a file this size, at the route where it ran out.
    code: wildcardPrefixes(150, 150),
    errors: [{ messageId: 'routePrefixes', line: 223, column: 1 }],
  },
  {
    // The same stop in TypeScript, through typed arrow functions.
    code: `const f6 = (role: string): void => { if (role !== 'admin') throw new ForbiddenException(); };
const f5 = (role: string): void => f6(role);
const f4 = (role: string): void => f5(role);
const f3 = (role: string): void => f4(role);
const f2 = (role: string): void => f3(role);
const f1 = (role: string): void => f2(role);
app.get('/x', (req: Request, res: Response) => { f1(req.headers['x-role'] as string); });`,
    filename: 'guards.ts',
    errors: [{ messageId: 'callDepth', line: 1, column: 42, data: { subject: 'f2', others: '', limit: '4' } }],
  },
];

runUnderBothParsers(ruleName, rule, { valid, invalid });

describe(`${ruleName} messages`, () => {
  it('names the function where the trace stopped and what to do', () => {
    const [message] = lintWithRule(ruleName, helperChain(6));
    assert.equal(
      message?.message,
      'Analysis of `f2` stopped after 4 call levels: what its callers pass further up is not followed, so a finding that depends on it may be missing here; pass the value in fewer hops or check it where it is read.',
    );
  });

  it('names one function and counts the others where the trace stopped at several', () => {
    // h7 calls h6 and h5, and so on down: from h0's check, the trace meets several functions at the fourth level.
    const helpers = ['function h0(role) { if (role !== \'admin\') throw new ForbiddenError(); }'];
    for (let i = 1; i <= 7; i++) helpers.push(`function h${i}(role) { h${i - 1}(role);${i > 1 ? ` h${i - 2}(role);` : ''} }`);
    const code = `${helpers.join('\n')}\napp.get('/x', (req, res) => { h7(req.headers['x-role']); });`;
    const messages = lintWithRule(ruleName, code);
    assert.equal(messages.length, 1, messages.map((message) => message.message).join('\n'));
    assert.match(messages[0]!.message, /^Analysis of `h\d` \(and \d other functions?\) stopped after 4 call levels/);
  });

  it('reports the same stops whichever other rules are on', () => {
    const alone = lintWithRule(ruleName, aliasChain(45)).map((message) => `${message.line}:${message.column}`);
    assert.deepEqual(alone, ['48:7']);
  });
});
