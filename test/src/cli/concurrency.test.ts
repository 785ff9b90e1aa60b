import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claimguard, FIXTURES, ROOT } from './helpers';

const PROJECTS = path.join(ROOT, 'test/fixtures/projects');
const SERVER_PROJECTS = path.join(ROOT, 'test/fixtures/server/projects');

/** Fixture folders that hold a project of their own. */
function folders(parent: string): string[] {
  return fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(parent, entry.name));
}

describe('claimguard --concurrency', function () {
  this.timeout(120_000);

  it('accepts off, auto and a number of threads, and refuses anything else with one line', () => {
    for (const value of ['off', 'auto', '2']) assert.notEqual(claimguard(['level-3', '--concurrency', value]).status, 2, value);
    for (const value of ['0', 'many', '1.5', '99999']) {
      const run = claimguard(['level-3', '--concurrency', value]);
      assert.equal(run.status, 2, value);
      assert.equal(run.stderr, `claimguard: invalid --concurrency '${value}': use off, auto or a number of threads\n`);
    }
  });

  // Threads hand back findings and summaries; one grader links them. Nothing about the report may change.
  for (const folder of [...folders(PROJECTS), ...folders(FIXTURES).filter((dir) => !dir.endsWith('bad-config'))]) {
    it(`${path.relative(ROOT, folder)}: the same JSON report on three threads as on one`, () => {
      const single = claimguard(['.', '--format', 'json'], { cwd: folder });
      const threaded = claimguard(['.', '--format', 'json', '--concurrency', '3'], { cwd: folder });
      assert.equal(threaded.status, single.status, threaded.stderr);
      assert.equal(threaded.stdout, single.stdout);
      assert.ok(single.stdout.length > 0, single.stderr);
    });
  }

  for (const name of ['project-choices', 'recommended']) {
    it(`${name}: the same SARIF with the project's own config on two threads as on one`, () => {
      const cwd = path.join(SERVER_PROJECTS, name);
      const single = claimguard(['.', '--format', 'sarif', '--project-config'], { cwd });
      const threaded = claimguard(['.', '--format', 'sarif', '--project-config', '--concurrency', '2'], { cwd });
      assert.equal(threaded.status, single.status, threaded.stderr);
      assert.equal(threaded.stdout, single.stdout);
      assert.match(single.stdout, /"ruleId": "claimguard\//);
    });
  }
});
