import * as assert from 'node:assert/strict';
import { tempProjectFindingLines } from './temp-project';

/**
 * A record loaded from a model of another file, then written whole from the body through its own methods
 * (`user.update(req.body)`, `user.set(req.body)`): the model's privilege fields in `models/` decide, as they do
 * for `User.update(req.body, { where })`. Sequelize in CommonJS JavaScript (espree), TypeORM-free TypeScript
 * with Mongoose (typescript-eslint).
 */
describe('whole-body writes through a record of a model declared in another file', function () {
  this.timeout(60_000);

  const privilegeFindings = (files: Record<string, string>) => tempProjectFindingLines(files, 'instance-writes', 'claimguard/no-privilege-from-request');

  const app = (model: string) => `const express = require('express');
const User = require('./models/user');
const app = express();
app.use(express.json());
app.put('/me', async (req, res) => {
  const user = await User.findByPk(req.session.userId);
  await user.update(req.body);
  res.json(user);
});
app.put('/me/settings', async (req, res) => {
  const user = await User.findByPk(req.session.userId);
  user.set(req.body);
  await user.save();
  res.json(user);
});
module.exports = app;
${model}`;

  /** The app, and a Sequelize model in models/ with a second field, defined on a connection another file makes. */
  const sequelizeProject = (field: string) => ({
    'app.js': app(''),
    'models/user.js': `const { DataTypes } = require('sequelize');
const sequelize = require('../db');
module.exports = sequelize.define('User', { name: DataTypes.STRING, ${field}: DataTypes.STRING });
`,
    'db.js': "const { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize('sqlite::memory:');\n",
  });

  it('reports both writes when the model in models/ has a role', async () => {
    assert.deepEqual(await privilegeFindings(sequelizeProject('role')), ['app.js:7', 'app.js:12']);
  });

  it('stays quiet when the model has no privilege field', async () => {
    assert.deepEqual(await privilegeFindings(sequelizeProject('locale')), []);
  });

  it('reads a Mongoose model imported by name into TypeScript', async () => {
    const files = {
      'src/routes.ts': `import { Router } from 'express';
import { User } from './models/user.js';
export const routes = Router();
routes.patch('/me', async (req, res) => {
  const user = await User.findById((req as any).session.userId);
  user!.set(req.body);
  await user!.save();
  res.json(user);
});
`,
      'src/models/user.ts': `import { Schema, model } from 'mongoose';
export const User = model('User', new Schema({ name: String, isAdmin: { type: Boolean, default: false } }));
`,
    };
    assert.deepEqual(await privilegeFindings(files), ['src/routes.ts:6']);
  });
});
