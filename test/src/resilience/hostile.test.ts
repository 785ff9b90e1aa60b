import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import { allRulesConfig, createLinter, describeMessages, lintAll } from '../fuzz/lint';
import { randomBytes, syntaxBreaks } from '../fuzz/inputs';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'resilience', 'handler.ts');
const UNTRUSTED = 'claimguard/no-untrusted-authorization';

/** A one-route Express file around `body`. */
const route = (body: string, before = ''): string => `${before}app.get('/r', (req, res) => {\n${body}\n});\n`;

function findings(messages: readonly Linter.LintMessage[], ruleId = UNTRUSTED): string[] {
  return messages.filter((message) => message.ruleId === ruleId).map((message) => `${message.line}: ${message.message}`);
}

/** A lint that ended in a parse error reports that alone: no rule ran on a file that did not parse. */
function assertCleanParseFailure(messages: readonly Linter.LintMessage[], what: string): void {
  const fatal = messages.filter((message) => message.fatal);
  assert.equal(fatal.length, 1, `${what}: one fatal message\n${describeMessages(messages)}`);
  assert.equal(fatal[0].ruleId, null);
  assert.match(fatal[0].message, /^Parsing error: /);
  assert.equal(messages.length, 1, `${what}: no rule output after a parse error\n${describeMessages(messages)}`);
}

describe('hostile input', () => {
  const linter = createLinter();
  const fixture = fs.readFileSync(FIXTURE, 'utf8');

  describe('syntax errors everywhere', function () {
    this.timeout(120_000);

    it('every cut-off prefix and stray token ends in a parse error or a normal lint, never a rule crash', () => {
      let parseErrors = 0;
      let linted = 0;
      for (const variant of syntaxBreaks(fixture, 9)) {
        let messages: Linter.LintMessage[];
        try {
          messages = lintAll(linter, variant.code, 'handler.ts');
        } catch (error) {
          assert.fail(`${variant.name}: linting threw ${error instanceof Error ? error.stack : String(error)}\n--- code:\n${variant.code}`);
        }
        if (messages.some((message) => message.fatal)) {
          assertCleanParseFailure(messages, variant.name);
          parseErrors++;
        } else {
          linted++;
        }
      }
      // Both paths ran: files the parser refused, and broken-looking files it still accepted (rules ran on them).
      assert.ok(parseErrors > 50, `${parseErrors} variants were parse errors`);
      assert.ok(linted > 0, `${linted} variants still parsed and were linted`);
    });

    it('the unbroken fixture has its findings (so the variants above start from a file the rules see)', () => {
      const messages = lintAll(linter, fixture, 'handler.ts');
      assert.deepEqual(
        findings(messages).map((line) => line.replace(/,.*/, '')),
        ["15: Authorization decision uses header 'x-role' (line 14)", "20: Authorization decision uses path param 'tenantId' (line 13)"],
      );
    });
  });

  describe('binary and non-UTF-8 content', () => {
    const cases: { name: string; text: string }[] = [
      { name: 'random bytes read as UTF-8', text: randomBytes(1, 4096).toString('utf8') },
      { name: 'random bytes read as Latin-1', text: randomBytes(2, 4096).toString('latin1') },
      { name: 'NUL bytes', text: '\u0000'.repeat(512) },
      { name: 'UTF-16LE with a byte-order mark, read as UTF-8', text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture, 'utf16le')]).toString('utf8') },
      { name: 'a gzip header', text: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]).toString('utf8') },
    ];
    for (const { name, text } of cases) {
      it(`${name}: a parse error, no crash`, () => {
        assertCleanParseFailure(lintAll(linter, text, 'binary.ts'), name);
      });
    }

    it('Latin-1 bytes inside string literals, read as UTF-8, still lint with their findings', () => {
      const latin1 = Buffer.from(route("const role = req.headers['x-r\u00f4le'];\nif (role === 'admin\u00e9') return res.sendStatus(403);"), 'latin1').toString('utf8');
      assert.ok(latin1.includes('\ufffd'), 'the bytes did not decode');
      const messages = lintAll(linter, latin1, 'latin1.ts');
      assert.equal(findings(messages).length, 1, describeMessages(messages));
      assert.match(findings(messages)[0], /header 'x-r\ufffdle'/);
    });

    it('NUL characters, lone surrogates and a byte-order mark inside valid code change nothing else', () => {
      const code = route("const note = 'a\u0000b\ud800c';\nif (req.headers['x-role'] === 'admin\udfff') return res.sendStatus(403);");
      const plain = findings(lintAll(linter, code, 'odd.ts'));
      assert.equal(plain.length, 1);
      assert.deepEqual(findings(lintAll(linter, `\ufeff${code}`, 'odd.ts')), plain);
    });
  });

  describe('names that live on Object.prototype', () => {
    const NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];
    const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
    const before = prototypeNames();

    const headerChecks = NAMES.map((name) => `if (req.headers[${JSON.stringify(name)}] === 'admin') return res.sendStatus(403);`).join('\n');
    const keysAndVariables = NAMES.filter((name) => name !== '__proto__' && name !== 'prototype')
      .map((name, i) => `const { ${name}: v${i} } = req.body;\nconst ${name}Alias = req.query[${JSON.stringify(name)}];\nif (v${i} === ${name}Alias) res.status(403);`)
      .join('\n');
    const hostileCode = route(
      `${headerChecks}\n${keysAndVariables}\nconst o = { __proto__: req.body, constructor: req.params.id, ['toString']: 1, hasOwnProperty: req.query.role };\nif (o.constructor === 'admin' || o.hasOwnProperty === 'owner') return res.sendStatus(403);\nconst constructor = req.get('constructor');\nif (constructor === 'root') return res.sendStatus(403);`,
      "import express from 'express';\nconst app = express();\nfunction toString(role) { return role === 'admin'; }\nfunction __defineGetter__(x) { return x; }\nclass hasOwnProperty { constructor() { this.prototype = 1; } }\n",
    );

    it('as header names, keys, variables and functions: no crash, no pollution, and the findings name them', () => {
      const messages = lintAll(linter, hostileCode, 'proto.ts', {
        claimguard: {
          requestNames: ['constructor', '__proto__'],
          trustedHeaders: ['toString'],
          authorizationFunctions: ['hasOwnProperty', '__proto__'],
          sources: JSON.parse('{"__proto__":"header","constructor":"query","req.toString":"cookie"}') as unknown,
          verifiedClaims: ['__proto__.constructor'],
        },
      });
      assert.deepEqual(prototypeNames(), before, 'Object.prototype gained or lost a property');
      assert.equal(({} as Record<string, unknown>).role, undefined);
      for (const message of messages) assert.doesNotMatch(message.message, /native code|\[object Object\]|undefined/, message.message);
      const reported = findings(messages).join('\n');
      assert.match(reported, /header '__proto__'/);
      assert.match(reported, /header 'constructor'/);
      assert.match(reported, /header 'hasOwnProperty'/);
      // `toString` is configured as a header a gateway sets: not reported.
      assert.doesNotMatch(reported, /header 'toString'/);
    });

    it('NestJS parameter decorators named like Object.prototype members are not request sources', () => {
      const code = `import { Controller, Get, Headers, ForbiddenException } from '@nestjs/common';
@Controller('x')
export class C {
  @Get()
  h(@toString('x-role') a: string, @constructor() b: string, @hasOwnProperty('x') c: string, @Headers('x-role') role: string) {
    if (a === 'admin' || b === 'admin' || c === 'admin') throw new ForbiddenException();
    if (role === 'admin') throw new ForbiddenException();
  }
}`;
      const messages = lintAll(linter, code, 'c.controller.ts');
      assert.deepEqual(findings(messages), ["7: Authorization decision uses header 'x-role' (line 5), which any caller can set; take it from a verified token's claims instead (e.g. the 'role' claim)."]);
    });

    it('passport strategy and request container names from Object.prototype are not schemes or sources', () => {
      const code = `import passport from 'passport';
import express from 'express';
const app = express();
app.get('/a', passport.authenticate('constructor', { session: false }), (req, res) => res.json({}));
app.get('/b', (req, res) => { if (req.constructor['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401); res.json({}); });`;
      const messages = lintAll(linter, code, 'strategies.ts');
      for (const message of messages) assert.doesNotMatch(message.message, /native code|passport 'constructor'/, message.message);
      // Line 4 names no strategy; line 5 compares with an API key from the environment, which is a key scheme.
      assert.deepEqual(findings(messages, 'claimguard/no-api-key-auth').map((line) => line.split(':')[0]), ['5']);
    });
  });

  describe('cycles and recursion', () => {
    const cases: { name: string; code: string; expected: RegExp[] }[] = [
      { name: 'let a = b; let b = a', code: route("let a = b; let b = a;\nif (a === 'admin') return res.sendStatus(403);"), expected: [] },
      { name: 'x = x + header', code: route("let role = '';\nrole = role + req.headers['x-role'];\nif (role === 'admin') return res.sendStatus(403);"), expected: [/^4: .*header 'x-role'/] },
      { name: 'a self-referencing var', code: route("var x = x || req.query.role;\nif (x === 'admin') return res.sendStatus(403);"), expected: [/^3: .*query 'role'/] },
      { name: 'swapped in a loop', code: route("let p = req.headers['x-role'], q = 'viewer';\nfor (let i = 0; i < 3; i++) [p, q] = [q, p];\nif (q === 'admin') return res.sendStatus(403);"), expected: [/^4: .*header 'x-role'/] },
      { name: 'defaults that refer to each other', code: route("let { a = b } = {}, { b = a } = {};\nif (a === req.headers['x-role']) return res.sendStatus(403);"), expected: [/^3: .*header 'x-role'/] },
      {
        name: 'mutually recursive helpers',
        code: route("if (a(req.headers['x-role'], 3) === 'admin') return res.sendStatus(403);", 'function a(v, n) { return n ? b(v, n - 1) : v; }\nfunction b(v, n) { return a(v, n); }\n'),
        expected: [/^4: .*header 'x-role'/],
      },
      { name: 'a helper that only calls itself', code: route("if (f(req.headers['x-role']) === 'admin') return res.sendStatus(403);", 'function f(v) { return f(v); }\n'), expected: [] },
      {
        name: 'a recursive guard checked through its callers',
        code: route("guard(req.headers['x-role']);\nres.json({});", "function guard(role) { if (role !== 'admin') throw new ForbiddenError(); return guard2(role); }\nfunction guard2(role) { return guard(role); }\n"),
        expected: [/^1: .*header 'x-role'/],
      },
      { name: 'getters that read each other', code: route("const o = { get a() { return o.b; }, get b() { return o.a; } };\nif (o.a === 'admin') return res.sendStatus(403);"), expected: [] },
      {
        name: 'Fastify decorations that refer to themselves and to each other',
        code: `import Fastify from 'fastify';
const fastify = Fastify();
fastify.decorate('authenticate', fastify.authenticate);
fastify.decorate('a', fastify.b);
fastify.decorate('b', fastify.a);
fastify.get('/x', { preHandler: [fastify.authenticate, fastify.a] }, async (request, reply) => {
  if (request.headers['x-role'] !== 'admin') return reply.code(403).send();
});`,
        expected: [/^7: .*header 'x-role'/],
      },
    ];
    for (const { name, code, expected } of cases) {
      it(`${name}: terminates with the right findings`, () => {
        const reported = findings(lintAll(linter, code, 'cycle.ts'));
        assert.equal(reported.length, expected.length, reported.join('\n'));
        expected.forEach((pattern, i) => assert.match(reported[i], pattern));
      });
    }

    it('an alias chain 5,000 long terminates (the evaluator bounds its depth)', function () {
      this.timeout(60_000);
      const chain = Array.from({ length: 5000 }, (_, i) => `const v${i + 1} = v${i};`).join('\n');
      const messages = lintAll(linter, route(`const v0 = req.headers['x-role'];\n${chain}\nif (v5000 === 'admin') return res.sendStatus(403);\nif (v3 === 'admin') return res.sendStatus(403);`), 'chain.ts');
      // The near end of the chain is still followed; the far end is past the bound and reports nothing.
      assert.deepEqual(findings(messages).map((line) => line.split(':')[0]), ['5004']);
    });
  });

  describe('invalid rule options', () => {
    const cases: { rule: string; options: unknown; names: RegExp }[] = [
      { rule: 'maturity-level', options: { minimumLevel: 7 }, names: /Value 7 should be equal to one of the allowed values/ },
      { rule: 'maturity-level', options: { minimumLevel: 'high' }, names: /Value "high" should be integer/ },
      { rule: 'maturity-level', options: { publicRoutes: '/health' }, names: /Value "\/health" should be array/ },
      { rule: 'maturity-level', options: { minimumLevl: 2 }, names: /Unexpected property "minimumLevl"/ },
      { rule: 'maturity-level', options: JSON.parse('{"__proto__":{"minimumLevel":0}}') as unknown, names: /Unexpected property "__proto__"/ },
      { rule: 'require-jwt-validation', options: { maxClockToleranceSeconds: -1 }, names: /Value -1 should be >= 0/ },
      { rule: 'require-jwt-validation', options: { requireIssuer: 'yes' }, names: /Value "yes" should be boolean/ },
      { rule: 'no-hardcoded-jwt-secret', options: { minimumLength: 0 }, names: /Value 0 should be >= 1/ },
      { rule: 'no-api-key-auth', options: { allowRoutes: [1] }, names: /Value 1 should be string/ },
      { rule: 'no-untrusted-authorization', options: { strict: true }, names: /should NOT have more than 0 items/ },
    ];
    for (const { rule, options, names } of cases) {
      it(`${rule} ${JSON.stringify(options)}: rejected by the schema, naming the rule and the bad value`, () => {
        const config = allRulesConfig(undefined, { [`claimguard/${rule}`]: ['error', options] });
        assert.throws(
          () => linter.verify('const x = 1;', config, 'options.ts'),
          (error: Error) => error.message.includes(`"claimguard/${rule}"`) && names.test(error.message),
        );
      });
    }
  });

  describe('malformed settings.claimguard', () => {
    const cases: { settings: unknown; names: string }[] = [
      { settings: 'req.auth', names: 'settings.claimguard: expected an object' },
      { settings: ['x-role'], names: 'settings.claimguard: expected an object' },
      { settings: { trustedHeaders: 'x-role' }, names: 'settings.claimguard.trustedHeaders: expected an array of strings' },
      { settings: { trustedHeaders: ['x-role', 7] }, names: 'settings.claimguard.trustedHeaders: expected an array of strings' },
      { settings: { requestNames: null }, names: 'settings.claimguard.requestNames: expected an array of strings' },
      { settings: { verifiedClaims: { path: 'req.user' } }, names: 'settings.claimguard.verifiedClaims: expected an array of strings' },
      { settings: { authorizationFunctions: [['checkAccess']] }, names: 'settings.claimguard.authorizationFunctions: expected an array of strings' },
      { settings: { sources: ['req.session.tenant'] }, names: 'settings.claimguard.sources: expected an object' },
      { settings: { sources: { 'req.session.tenant': 'constructor' } }, names: 'settings.claimguard.sources["req.session.tenant"]: expected one of header' },
      { settings: { claimsPath: 5 }, names: 'settings.claimguard.claimsPath: expected a string' },
    ];
    for (const { settings, names } of cases) {
      it(`${JSON.stringify(settings)}: an error that names ${names.split(':')[0]}`, () => {
        assert.throws(
          () => lintAll(linter, route("if (req.headers['x-role'] === 'admin') return res.sendStatus(403);"), 'settings.ts', { claimguard: settings }),
          (error: Error) => error.message.startsWith(`Invalid ${names}`),
        );
      });
    }

    it('an own __proto__ key in settings (as JSON gives it) is ignored, not merged into the prototype', () => {
      const settings = JSON.parse('{"claimguard":{"__proto__":{"trustedHeaders":["x-role"]}}}') as Record<string, unknown>;
      const messages = lintAll(linter, route("if (req.headers['x-role'] === 'admin') return res.sendStatus(403);"), 'settings.ts', settings);
      assert.equal(findings(messages).length, 1, 'x-role did not become trusted');
      assert.equal(({} as Record<string, unknown>).trustedHeaders, undefined);
    });
  });

  describe('patterns built to make backtracking matchers explode', () => {
    // As `RegExp`s, `^/.*a.*a.*a…!` against a long run of `a` backtracks for longer than any test waits (three
    // stars on 2,000 characters took seconds, four did not finish); matched as automata they take linear time.
    const stars = `/${'*a'.repeat(40)}!`;
    const longPath = `/${'a'.repeat(5000)}`;

    it('a middleware prefix the project writes', () => {
      const code = `const app = require('express')();\napp.use('${stars}', requireUser);\n${route("if (req.headers['x-role'] === 'admin') return res.sendStatus(403);").replace("'/r'", `'${longPath}'`)}`;
      const messages = lintAll(linter, code, 'prefix.js');
      // The prefix does not cover the route, so nothing authenticates it.
      assert.equal(findings(messages, 'claimguard/maturity-level').length, 1, describeMessages(messages));
    });

    it('a public-route glob from the configuration', () => {
      const config = allRulesConfig(undefined, { 'claimguard/maturity-level': ['error', { publicRoutes: [`/${'**a'.repeat(40)}!`] }] });
      const code = `const app = require('express')();\n${route('res.end();').replace("'/r'", `'${longPath}'`)}`;
      const messages = linter.verify(code, config, 'public.js');
      assert.equal(findings(messages, 'claimguard/maturity-level').length, 1, describeMessages(messages));
    });
  });

  describe('nothing analysed is executed', () => {
    it('code that would write a marker file, in every place code can run, leaves no marker', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-exec-'));
      const marker = path.join(dir, 'marker');
      const write = (tag: string): string => `require('fs').writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(tag)})`;
      const code = [
        `${write('top level')};`,
        `(() => ${write('iife')})();`,
        `const lazy = { get role() { ${write('getter')}; return 'admin'; } };`,
        `class Guard { static { ${write('static block')}; } }`,
        `eval(${JSON.stringify(`${write('eval')};`)});`,
        `new Function(${JSON.stringify(`${write('new Function')};`)})();`,
        `import(${JSON.stringify(`data:text/javascript,${write('dynamic import')}`)});`,
        route(`const role = lazy.role ?? ${write('handler')};\nif (req.headers['x-role'] === role) return res.sendStatus(403);`),
      ].join('\n');
      try {
        const messages = lintAll(linter, code, 'runs.ts');
        assert.ok(findings(messages).length > 0, 'the file was analysed');
        assert.equal(fs.existsSync(marker), false, `analysed code ran: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

