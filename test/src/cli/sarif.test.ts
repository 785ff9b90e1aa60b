import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import plugin from 'eslint-plugin-claimguard';
import { claimguard, FIXTURES, TempProject, VERIFIED_APP_HEADER } from './helpers';

const FINGERPRINT = 'claimguardFinding/v1';

function validator(): (log: unknown) => string | undefined {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? undefined : ajv.errorsText(validate.errors));
}

function sarifOf(args: readonly string[], cwd?: string): Sarif.Log {
  const run = claimguard([...args, '--format', 'sarif'], cwd ? { cwd } : {});
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout) as Sarif.Log;
}

/** The SARIF properties GitHub code scanning reads, checked one by one on every rule and result. */
describe('claimguard --format sarif for GitHub code scanning', function () {
  this.timeout(60_000);
  const validate = validator();
  let log: Sarif.Log;
  let run: Sarif.Run;
  before(() => {
    log = sarifOf(['level-2', 'nest', 'broken', 'express']);
    run = log.runs[0]!;
  });

  it('is valid SARIF 2.1.0', () => {
    assert.equal(validate(log), undefined);
    assert.equal(log.version, '2.1.0');
  });

  it('the validation is real: it rejects a log that breaks the schema', () => {
    assert.notEqual(validate({ version: '2.1.0', runs: [{ tool: {} }] }), undefined);
  });

  it('describes every ClaimGuard rule as code scanning wants it', () => {
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((rule) => rule.id).sort(), [...Object.keys(plugin.rules).map((name) => `claimguard/${name}`), 'claimguard/route-maturity'].sort());
    for (const rule of rules) {
      const name = rule.id.replace('claimguard/', '');
      assert.ok(rule.shortDescription?.text, `${rule.id}: shortDescription`);
      assert.ok((rule.fullDescription?.text.length ?? 0) > (rule.shortDescription?.text.length ?? 0) / 2, `${rule.id}: fullDescription`);
      assert.ok(rule.help?.text && rule.help.markdown, `${rule.id}: help text and markdown`);
      assert.match(rule.helpUri ?? '', /^https:\/\/github\.com\/.+\.md$/, `${rule.id}: helpUri`);
      if (name !== 'route-maturity') assert.ok(rule.helpUri!.endsWith(`/${name}.md`), rule.helpUri);
      const tags = (rule.properties?.tags ?? []) as string[];
      assert.ok(tags.includes('security'), `${rule.id}: tags ${tags.join()}`);
      assert.ok(tags.some((tag) => /^external\/cwe\/cwe-\d+$/.test(tag)), `${rule.id}: a CWE tag in ${tags.join()}`);
      const severity = Number.parseFloat(String(rule.properties?.['security-severity']));
      assert.ok(severity > 0 && severity <= 10, `${rule.id}: security-severity ${String(rule.properties?.['security-severity'])}`);
      // Links next to a rule page (`other-rule.md`) go nowhere in an alert: every link is absolute.
      assert.doesNotMatch(rule.help.markdown!, /\]\((?!https?:)[^)]*\)/, `${rule.id}: a relative link in the help`);
    }
  });

  it('takes the description and the help from the rule documentation', () => {
    const rule = run.tool.driver.rules!.find((candidate) => candidate.id === 'claimguard/no-untrusted-authorization')!;
    const page = fs.readFileSync(path.join(path.dirname(require.resolve('eslint-plugin-claimguard/package.json')), 'docs/rules/no-untrusted-authorization.md'), 'utf8');
    assert.ok(page.replace(/\s+/g, ' ').includes(rule.fullDescription!.text.slice(0, 80)), rule.fullDescription!.text);
    assert.match(rule.help!.markdown!, /## How to fix/);
  });

  it('files only ClaimGuard results, each under a rule it describes', () => {
    const ids = (run.tool.driver.rules ?? []).map((rule) => rule.id);
    assert.ok(run.results!.length > 3);
    for (const result of run.results!) {
      assert.match(result.ruleId ?? '', /^claimguard\//);
      assert.equal(ids[result.ruleIndex!], result.ruleId);
      assert.ok(result.message.text);
      assert.match(result.partialFingerprints?.[FINGERPRINT] ?? '', /^[0-9a-f]{32}:\d+$/);
    }
  });

  it('labels each file with its language', () => {
    const languages = Object.fromEntries((run.artifacts ?? []).map((artifact) => [artifact.location!.uri, artifact.sourceLanguage]));
    assert.equal(languages['nest/cats.controller.ts'], 'typescript');
    assert.equal(languages['level-2/app.js'], 'javascript');
    for (const result of run.results!) {
      const location = result.locations![0]!.physicalLocation!.artifactLocation!;
      assert.equal(run.artifacts![location.index!]!.location!.uri, location.uri);
    }
  });

  it('links where the untrusted value came from as a related location', () => {
    const finding = run.results!.find((result) => result.ruleId === 'claimguard/no-untrusted-authorization' && result.locations![0]!.physicalLocation!.artifactLocation!.uri === 'level-2/app.js')!;
    assert.equal(finding.locations![0]!.physicalLocation!.region!.startLine, 8);
    const related = finding.relatedLocations![0]!;
    assert.equal(related.id, 1);
    assert.equal(related.message!.text, "header 'x-role'");
    assert.equal(related.physicalLocation!.region!.startLine, 7, "const role = req.headers['x-role'] is on line 7");
    assert.match(finding.message.text ?? '', /\[header 'x-role'\]\(1\)\.$/);
  });

  it('reports a file that could not be parsed as a tool notification, not as a result', () => {
    const notifications = run.invocations![0]!.toolExecutionNotifications!;
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0]!.level, 'error');
    assert.match(notifications[0]!.message.text!, /^Parsing error/);
    assert.equal(notifications[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'broken/broken.js');
    assert.equal(run.results!.some((result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri === 'broken/broken.js'), false);
  });

  it('notes each route below Level 3', () => {
    const notes = run.results!.filter((result) => result.ruleId === 'claimguard/route-maturity');
    assert.ok(notes.every((note) => note.level === 'note'));
    assert.ok(notes.some((note) => note.message.text?.startsWith('GET /admin: Level 2')));
    assert.equal(notes.some((note) => note.message.text?.startsWith('GET /users: Level 3')), false);
  });

  describe('fingerprints', () => {
    const app = `${VERIFIED_APP_HEADER}app.delete('/users/:id', checkJwt, (req, res) => {
  if (req.get('x-role') !== 'admin') return res.sendStatus(403);
  res.sendStatus(204);
});
`;
    let project: TempProject;
    beforeEach(() => {
      project = new TempProject({ 'app.js': app, 'other.js': "module.exports = { ok: true };\n" });
    });
    afterEach(() => project.remove());

    const findings = () =>
      sarifOf(['.'], project.dir)
        .runs[0]!.results!.filter((result) => result.ruleId !== 'claimguard/route-maturity')
        .map((result) => ({ line: result.locations![0]!.physicalLocation!.region!.startLine, fingerprint: result.partialFingerprints![FINGERPRINT] }));

    it('stay the same when lines are added above and other files change', () => {
      const before = findings();
      assert.equal(before.length, 1);
      project.write({
        'app.js': `// Users API\n// (moved down by three lines)\n\n${app}app.get('/health', (req, res) => res.send('ok'));\n`,
        'other.js': "module.exports = { ok: false, more: 'changed' };\n",
      });
      const after = findings();
      assert.deepEqual(after.map((finding) => finding.line), [(before[0]!.line ?? 0) + 3]);
      assert.deepEqual(after.map((finding) => finding.fingerprint), before.map((finding) => finding.fingerprint));
    });

    it('change when the finding itself changes', () => {
      const before = findings();
      project.write({ 'app.js': app.replace("'x-role'", "'x-group'") });
      assert.notEqual(findings()[0]?.fingerprint, before[0]?.fingerprint);
    });
  });

  it('never files another plugin’s results, with the project config applied', () => {
    const project = new TempProject({
      'eslint.config.mjs': [
        'const everything = { meta: { type: "problem", schema: [] }, create: (context) => ({ Program: (node) => context.report({ node, message: "every file" }) }) };',
        'export default [{ plugins: { local: { rules: { everything } } }, rules: { "local/everything": "error", "no-undef": "error" } }];',
        '',
      ].join('\n'),
      'app.js': "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send(undefinedThing));\n",
    });
    try {
      const result = project.run(['.', '--project-config', '--format', 'sarif']);
      assert.equal(result.status, 0, result.stderr);
      const sarif = JSON.parse(result.stdout) as Sarif.Log;
      assert.equal(validate(sarif), undefined);
      assert.deepEqual([...new Set(sarif.runs[0]!.results!.map((found) => found.ruleId))], ['claimguard/route-maturity']);
    } finally {
      project.remove();
    }
  });

  it('escapes brackets from the analysed code so they never make a link', () => {
    const project = new TempProject({
      'app.js': "const express = require('express');\nconst app = express();\napp.get('/a](https://evil.example)', (req, res) => {\n  if (req.headers['x-](https://evil.example)'] !== '1') return res.sendStatus(403);\n  res.send('ok');\n});\n",
    });
    try {
      const texts = sarifOf(['.'], project.dir).runs[0]!.results!.map((found) => found.message.text!);
      assert.ok(texts.length >= 2);
      for (const text of texts) {
        // The one link a message may hold is ours, to the related location.
        assert.doesNotMatch(text.replace(/\]\(1\)\.$/, ''), /(?<!\\)\]\(/, text);
      }
      assert.ok(texts.some((text) => text.includes('/a\\](https://evil.example)')), texts.join('\n'));
    } finally {
      project.remove();
    }
  });
});
