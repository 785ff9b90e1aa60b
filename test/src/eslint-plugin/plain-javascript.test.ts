import * as assert from 'node:assert/strict';
import { Linter, type ESLint } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { configFor } from './both-parsers';

/**
 * Plain `eslint` on a JavaScript project: no parser configured, so ESLint parses with espree, whose class nodes
 * have no `decorators` and whose members have no TypeScript fields. Every shipped config must lint such a file.
 */
const FILENAME = 'src/admin.js';

// Every kind of class member JavaScript has, around two findings: a header decision and a literal signing secret.
const CLASSES = `import express from 'express';
import jwt from 'jsonwebtoken';

class BaseController {
  static instances = 0;
  static {
    BaseController.instances += 1;
  }
  #issued = 0;
  get issued() {
    return this.#issued;
  }
  set issued(value) {
    this.#issued = value;
  }
  static #registry = new Map();
  static isController(value) {
    return #issued in value;
  }
}

class AdminController extends BaseController {
  role = 'admin';
  list = (req, res) => {
    if (!this.#isAdmin(req)) return res.sendStatus(403);
    res.json([]);
  };
  #isAdmin(req) {
    return req.headers['x-role'] === this.role;
  }
  issue(user) {
    super.issued += 1;
    return jwt.sign({ sub: user.id }, 'a-signing-secret-written-in-the-source-code-1234', { expiresIn: '1h' });
  }
  static async *pages() {
    yield* [1, 2];
  }
  [Symbol.iterator]() {
    return [][Symbol.iterator]();
  }
}

const Anonymous = class extends AdminController {};
const app = express();
const admin = new AdminController();
app.get('/admin/users', admin.list);
app.get('/ping', (req, res) => res.send('pong'));
export { app, Anonymous };
`;

/** Lines of the two findings and of the two routes in CLASSES. The header decision is the deny condition that calls `#isAdmin`. */
const HEADER_DECISION_LINE = 25;
const SECRET_LINE = 33;
const ROUTE_LINES = [46, 47];

/** What each rule finds in CLASSES: where, whichever config turns it on. */
const FINDINGS: Record<string, number[]> = {
  'claimguard/no-untrusted-authorization': [HEADER_DECISION_LINE],
  'claimguard/no-hardcoded-jwt-secret': [SECRET_LINE],
  // Both routes are unauthenticated; nothing else reports that.
  'claimguard/maturity-level': ROUTE_LINES,
};

/** The rules a config turns on, across the objects it is made of. */
function rulesOf(config: readonly Linter.Config[]): Linter.RulesRecord {
  return Object.assign({}, ...config.map((part) => part.rules ?? {})) as Linter.RulesRecord;
}

function expectedFor(config: readonly Linter.Config[]): string[] {
  const enabled = Object.keys(rulesOf(config));
  return Object.entries(FINDINGS)
    .filter(([ruleId]) => enabled.includes(ruleId))
    .flatMap(([ruleId, lines]) => lines.map((line) => `${line} ${ruleId}`))
    .sort();
}

function found(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((message) => `${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`).sort();
}

describe('plain eslint on JavaScript classes', () => {
  it('has the line numbers this suite assumes', () => {
    const lines = CLASSES.split('\n');
    assert.match(lines[HEADER_DECISION_LINE - 1]!, /if \(!this\.#isAdmin\(req\)\) return res\.sendStatus\(403\);/);
    assert.match(lines[SECRET_LINE - 1]!, /jwt\.sign/);
    for (const line of ROUTE_LINES) assert.match(lines[line - 1]!, /^app\.get/);
  });

  for (const [name, config] of Object.entries(plugin.configs)) {
    it(`lints classes, fields, private methods, accessors and static blocks with ${name}, parser left to ESLint`, () => {
      const messages = new Linter({ configType: 'flat' }).verify(CLASSES, config, FILENAME);
      assert.deepEqual(found(messages), expectedFor(config));
    });

    it(`finds the same with ${name} under @typescript-eslint/parser`, () => {
      const [typescript] = configFor('typescript-eslint', FILENAME, { rules: rulesOf(config) });
      const messages = new Linter({ configType: 'flat' }).verify(CLASSES, [{ ...typescript!, plugins: { claimguard: plugin as unknown as ESLint.Plugin } }], FILENAME);
      assert.deepEqual(found(messages), expectedFor(config));
    });
  }

  it('lints a class with no members, the smallest case that used to crash', () => {
    for (const config of Object.values(plugin.configs)) {
      assert.deepEqual(new Linter({ configType: 'flat' }).verify('class A {}\n', config, 'a.js'), []);
    }
  });
});
