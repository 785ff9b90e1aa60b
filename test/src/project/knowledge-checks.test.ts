import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintWithGrader, writeTempProject } from './temp-project';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';

/**
 * Checks of what the caller knows, across files as real APIs split them: the record holding the answer comes from a
 * model in `models/`, the check is middleware in `middleware/`, the route in `app.js`. A stored value that is not a
 * secret, compared with an identity header, stays a decision. CommonJS JavaScript (espree), real ESLint runs.
 */
describe('proofs of knowledge across files', function () {
  this.timeout(60_000);
  let root: string;

  async function untrustedFindings(check: string): Promise<{ file: string; line: number; message: string }[]> {
    root = writeTempProject(
      {
        'src/models/challenge.js': `const { DataTypes } = require('sequelize');
const sequelize = require('../db');

module.exports = sequelize.define('Challenge', { answer: DataTypes.STRING, ownerId: DataTypes.INTEGER });
`,
        'src/db.js': `const { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize(process.env.DATABASE_URL);\n`,
        'src/middleware/check.js': `const Challenge = require('../models/challenge');

module.exports = async function check(req, res, next) {
  const challenge = await Challenge.findOne({ where: { id: req.body.challengeId } });
  if (challenge && ${check}) return next();
  res.status(401).send('wrong answer');
};
`,
        'src/app.js': `const express = require('express');
const check = require('./middleware/check');

const app = express();
app.post('/feedback', check, (req, res) => res.sendStatus(201));
module.exports = app;
`,
      },
      'knowledge-checks',
    );
    const { results } = await lintWithGrader(root);
    return results.flatMap((result) =>
      result.messages.flatMap((message) => {
        assert.ok(!message.fatal, `${result.filePath}: ${message.message}`);
        return message.ruleId === 'claimguard/no-untrusted-authorization' ? [{ file: path.relative(root, result.filePath), line: message.line, message: message.message }] : [];
      }),
    );
  }

  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    forgetProjects();
  });

  it('takes the answer a model in another file stores for a credential check', async () => {
    assert.deepEqual(await untrustedFindings('req.body.response === challenge.answer'), []);
  });

  it('still reports an identity header compared with the stored owner', async () => {
    const findings = await untrustedFindings("req.get('x-user-id') === String(challenge.ownerId)");
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0]!.file, path.join('src', 'middleware', 'check.js'));
    assert.match(findings[0]!.message, /header 'x-user-id'/);
  });
});
