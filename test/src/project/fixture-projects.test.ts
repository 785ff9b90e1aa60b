import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claimguardReport, differences, PROJECTS, type Expected } from './fixture-projects';

/**
 * The multi-file projects against the hand-written expectations beside them. Where the analysis is known to fall
 * short, the gap is listed in known-gaps.json; each project must differ from its expectations by exactly those
 * gaps, so a new miss fails, and so does a fixed gap that is still listed.
 */
const KNOWN_GAPS = JSON.parse(fs.readFileSync(path.join(PROJECTS, 'known-gaps.json'), 'utf8')) as Record<string, string[]>;

describe('the multi-file fixture projects, against their hand-written expectations', function () {
  this.timeout(120_000);
  const projects = fs.readdirSync(PROJECTS).filter((name) => fs.existsSync(path.join(PROJECTS, name, 'expected.json')));

  it('lists known gaps only for projects that exist', () => {
    assert.deepEqual(Object.keys(KNOWN_GAPS).filter((name) => !projects.includes(name)), []);
  });

  for (const name of projects) {
    it(`${name}: differs from expected.json by its known gaps only`, async () => {
      const project = path.join(PROJECTS, name);
      const expected = JSON.parse(fs.readFileSync(path.join(project, 'expected.json'), 'utf8')) as Expected;
      const report = await claimguardReport(project);
      assert.deepEqual(differences(expected, report), [...(KNOWN_GAPS[name] ?? [])].sort());
    });
  }
});
