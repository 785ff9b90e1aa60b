import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';
import { ruleFindings, writeTempProject } from './temp-project';

/**
 * A service that copies its argument into a record is judged by what its callers pass, and the callers are found
 * in the project whatever ESLint lints first, or alone: the command with threads, `eslint --concurrency` and an
 * editor that has only the service open must agree with a plain run. CommonJS JavaScript (espree), real ESLint runs.
 */
describe('callers of a service in other files', function () {
  this.timeout(60_000);

  // `api/` is linted before `web/`, and the route table is built at run time, so no chain leads to the caller.
  const files = {
    'models/user.js': `const mongoose = require('mongoose');
module.exports = mongoose.model('User', new mongoose.Schema({ name: String, email: String, isAdmin: Boolean }));
`,
    'api/accounts.js': `const User = require('../models/user');

exports.updateProfile = async function updateProfile(id, changes) {
  const user = await User.findById(id);
  Object.assign(user, changes);
  return user.save();
};
`,
    'web/profile.js': `const accounts = require('../api/accounts');

exports.update = async (req, res) => res.json(await accounts.updateProfile(req.user.id, req.body));
`,
    'app.js': `const express = require('express');
const { expressjwt } = require('express-jwt');
const profile = require('./web/profile');

const app = express();
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], issuer: 'https://id.example.com', audience: 'api' }));
const table = [['put', '/profile', profile.update]];
for (const [method, path, handler] of table) app[method](path, handler);
module.exports = app;
`,
  };
  const RULE = 'claimguard/no-privilege-from-request';
  let root: string;
  before(() => {
    root = writeTempProject(files, 'service-callers');
  });
  after(() => {
    forgetProjects();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the copy where the caller passes the request body, though the caller is linted after the service', async () => {
    const findings = await ruleFindings(root, RULE);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0]!, /^api\/accounts\.js:5 /);
    assert.match(findings[0]!, /'isAdmin'/);
  });

  it('reports the same with the service linted alone', async () => {
    assert.deepEqual(await ruleFindings(root, RULE, ['api/accounts.js']), await ruleFindings(root, RULE));
  });

  it('reports nothing when the only caller passes a value of its own', async () => {
    fs.writeFileSync(`${root}/web/profile.js`, `const accounts = require('../api/accounts');

exports.update = async (req, res) => res.json(await accounts.updateProfile(req.user.id, { name: String(req.body.name) }));
`);
    assert.deepEqual(await ruleFindings(root, RULE), []);
    fs.writeFileSync(`${root}/web/profile.js`, files['web/profile.js']);
  });

  it('finds a TypeScript caller that imports the service through a barrel and a path alias', async () => {
    const ts = writeTempProject(
      {
        'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/*'] } } }),
        'src/models/user.ts': `import { Schema, model } from 'mongoose';
export const User = model('User', new Schema({ name: String, role: { type: String, default: 'member' } }));
`,
        'src/services/accounts.ts': `import { User } from '../models/user';

export async function updateProfile(id: string, changes: Record<string, unknown>) {
  const user = await User.findById(id);
  Object.assign(user!, changes);
  return user!.save();
}
`,
        'src/services/index.ts': `export * from './accounts';
`,
        'src/web/profile.ts': `import type { Request, Response } from 'express';
import { updateProfile } from '@app/services';

export async function update(req: Request, res: Response) {
  res.json(await updateProfile(String(req.params.id), req.body));
}
`,
      },
      'service-callers-ts',
    );
    try {
      const findings = await ruleFindings(ts, RULE, ['src/services/accounts.ts']);
      assert.equal(findings.length, 1, findings.join('\n'));
      assert.match(findings[0]!, /^src\/services\/accounts\.ts:5 .*'role'/);
    } finally {
      forgetProjects();
      fs.rmSync(ts, { recursive: true, force: true });
    }
  });
});
