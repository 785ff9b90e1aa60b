import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Rule } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { gradeProject, type ProjectFile } from 'eslint-plugin-claimguard/api';

/**
 * Object-level checks and mass assignment across files, through real ESLint runs on small projects: models in
 * `models/` or `prisma/schema.prisma`, services and DAOs that read records by the id their caller passes, DTOs and
 * zod schemas declared in one file and written in another. Each folder is its own project (its own package.json).
 */

const FIXTURES = path.resolve(__dirname, '../../fixtures/ownership');
const RULES = ['claimguard/require-ownership-check', 'claimguard/no-privilege-from-request'];

interface Expected {
  file: string;
  line: number;
  rule: string;
  /** A fragment of the line, so an edit that moves the statement fails the test instead of matching something else. */
  code: string;
  /** A fragment of the message. */
  message?: string;
}

interface Linted {
  findings: { file: string; line: number; rule: string; message: string }[];
  routes: Map<string, string>;
}

async function lintProject(name: string): Promise<Linted> {
  const dir = path.join(FIXTURES, name);
  const captured: ProjectFile[] = [];
  const capture: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({ 'Program:exit': () => void captured.push({ filename: context.filename, sourceCode: context.sourceCode as never, settings: context.settings }) }),
  };
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[]), { files: ['**/*.{js,mjs,cjs,ts}'], plugins: { probe: { rules: { capture } } }, rules: { 'probe/capture': 'error' } }],
  });
  const results = await eslint.lintFiles(['.']);
  const findings = results.flatMap((result) =>
    result.messages.flatMap((message) => {
      assert.ok(!message.fatal, `${result.filePath}: ${message.message}`);
      return message.ruleId && RULES.includes(message.ruleId) ? [{ file: path.relative(dir, result.filePath), line: message.line, rule: message.ruleId, message: message.message }] : [];
    }),
  );
  const routes = new Map(gradeProject(captured).map((route) => [`${route.method} ${route.path}`, String(route.level)]));
  return { findings, routes };
}

function checkFindings(name: string, linted: Linted, expected: readonly Expected[]): void {
  const dir = path.join(FIXTURES, name);
  for (const entry of expected) {
    const text = fs.readFileSync(path.join(dir, entry.file), 'utf8').split('\n')[entry.line - 1] ?? '';
    assert.ok(text.includes(entry.code), `${entry.file}:${entry.line} no longer holds \`${entry.code}\``);
  }
  const key = (finding: { file: string; line: number; rule: string }) => `${finding.file}:${finding.line} ${finding.rule}`;
  assert.deepEqual(linted.findings.map(key).sort(), expected.map(key).sort());
  for (const entry of expected) {
    if (!entry.message) continue;
    const found = linted.findings.find((finding) => key(finding) === key(entry));
    assert.ok(found?.message.includes(entry.message), `${key(entry)}: "${found?.message}" does not say "${entry.message}"`);
  }
}

describe('records owned by someone, and privilege fields, across files', function () {
  this.timeout(60_000);

  describe('Express with Mongoose models, a service and a DAO', () => {
    let linted: Linted;
    before(async () => {
      linted = await lintProject('express-models');
    });

    it('reports unchecked reads and changes where the route passes the client id, and owned records on public routes', () => {
      checkFindings('express-models', linted, [
        { file: 'src/controllers/invoices.js', line: 5, rule: RULES[0]!, code: 'Invoice.findById(req.params.id)' },
        {
          file: 'src/controllers/invoices.js',
          line: 13,
          rule: RULES[0]!,
          code: 'invoices.archive(req.params.id)',
          message: '`invoices.archive()` changes the Invoice record by path param \'id\' alone (Invoice.findByIdAndUpdate() at src/services/invoices.js:4)',
        },
        // The DAO is two files away: route → services/reports.js → dao/invoiceDao.js.
        { file: 'src/controllers/invoices.js', line: 19, rule: RULES[0]!, code: 'reports.invoiceReport(req.params.id)', message: 'at src/dao/invoiceDao.js:3' },
        { file: 'src/controllers/public.js', line: 5, rule: RULES[0]!, code: 'Invoice.findById(req.params.id)', message: "Reads a record of Invoice, which is owned through 'userId'" },
        { file: 'src/controllers/public.js', line: 9, rule: RULES[1]!, code: 'new User(req.body)', message: "'role', 'isAdmin'" },
      ]);
    });

    it('stays quiet where the service is handed the verified caller, compares it, or a role gate admits staff', () => {
      const quiet = ['src/controllers/invoices.js:15', 'src/controllers/invoices.js:17', 'src/controllers/admin.js:4', 'src/controllers/admin.js:6', 'src/controllers/public.js:7', 'src/controllers/public.js:13'];
      for (const line of quiet) assert.ok(!linted.findings.some((finding) => `${finding.file}:${finding.line}` === line), `${line} should be quiet`);
    });

    it('grades a route Level 3 when the service scopes or checks the record by the verified subject the route passes', () => {
      assert.equal(linted.routes.get('POST /api/invoices/:id/share'), '3');
      assert.equal(linted.routes.get('GET /api/invoices/:id/checked'), '3');
      assert.equal(linted.routes.get('POST /api/invoices/:id/archive'), '1');
      assert.equal(linted.routes.get('GET /receipts/:id'), 'unauthenticated');
    });
  });

  describe('NestJS with TypeORM entities and class-validator DTOs', () => {
    let linted: Linted;
    before(async () => {
      linted = await lintProject('nest-dto');
    });

    it('reports the read through the service at the controller, and the DTO with a privilege field where the service assigns it', () => {
      checkFindings('nest-dto', linted, [
        { file: 'src/orders/orders.controller.ts', line: 15, rule: RULES[0]!, code: 'this.orders.findOne(id)', message: 'reads the Order record by path param \'id\' alone' },
        // UpdateProfileDto (another file) declares isAdmin; the controller hands the @Body() to the service.
        { file: 'src/users/users.service.ts', line: 18, rule: RULES[1]!, code: 'Object.assign(user, changes)', message: "'isAdmin'" },
      ]);
    });

    it('grades the routes whose service filters by the verified user Level 3', () => {
      assert.equal(linted.routes.get('GET /orders'), '3');
      assert.equal(linted.routes.get('GET /orders/:id/receipt'), '3');
      assert.equal(linted.routes.get('GET /orders/:id'), '1');
    });
  });

  describe('Express with Prisma models from schema.prisma and zod schemas in their own file', () => {
    let linted: Linted;
    before(async () => {
      linted = await lintProject('prisma-express');
    });

    it('reads models from the Prisma schema: owned records reported, public articles quiet; a parsed zod schema with role is mass assignment', () => {
      checkFindings('prisma-express', linted, [
        { file: 'src/routes/documents.ts', line: 11, rule: RULES[0]!, code: 'documents.get(req.params.id)', message: 'reads the Document record' },
        { file: 'src/routes/public.ts', line: 11, rule: RULES[0]!, code: 'db.document.findUnique', message: "owned through 'ownerId'" },
        { file: 'src/routes/profile.ts', line: 9, rule: RULES[1]!, code: 'data: input', message: "'role'" },
      ]);
    });

    it('grades the listing scoped by the verified subject inside the service Level 3', () => {
      assert.equal(linted.routes.get('GET /api/documents'), '3');
      assert.equal(linted.routes.get('PUT /api/documents/:id'), '3');
      assert.equal(linted.routes.get('PUT /api/profile'), '2');
    });
  });

  describe('Express with a server-side session', () => {
    let linted: Linted;
    before(async () => {
      linted = await lintProject('express-session');
    });

    it('takes the session subject as the verified caller: a delete by id alone is reported, the owner check and the scoped listing are not', () => {
      checkFindings('express-session', linted, [
        { file: 'src/routes/notes.js', line: 17, rule: RULES[0]!, code: 'Note.deleteOne({ _id: req.params.id })', message: '`ownerId: req.session.userId`' },
      ]);
    });

    it('grades session routes as authenticated: Level 2 where the session subject scopes the data, Level 1 where nothing decides', () => {
      assert.equal(linted.routes.get('GET /api/notes'), '2');
      assert.equal(linted.routes.get('DELETE /api/notes/:id'), '1');
    });
  });
});
