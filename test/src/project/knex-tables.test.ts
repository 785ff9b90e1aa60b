import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ESLint } from 'eslint';
import plugin from 'eslint-plugin-claimguard';
import { writeTempProject } from './temp-project';
import { forgetProjects } from '../../../eslint-plugin/out/project/index';

/**
 * Tables that Knex migrations create are models: their columns are fields, an owner column makes their records
 * owned. A route in another file that reads such a table by a client id is judged with the table's owner column,
 * through a real ESLint run on a small project.
 */

const MIGRATION = `exports.up = function (knex) {
  return knex.schema
    .createTable('invoices', (t) => {
      t.increments('id');
      t.integer('user_id').references('users.id');
      t.decimal('total');
    })
    .createTable('products', function (table) {
      table.increments('id');
      table.string('name');
    });
};
exports.down = (knex) => knex.schema.dropTable('invoices').dropTable('products');
`;

const ALTERATION = `exports.up = (knex) => knex.schema.table('notes', (table) => {
  table.uuid('author').references('users.id');
});
`;

// No authentication anywhere: owned records are findings, public tables are not.
const ROUTES = `const express = require('express');
const db = require('knex')({ client: 'pg' });
const app = express();
app.get('/invoices/:id', async (req, res) => res.json(await db('invoices').where({ id: req.params.id }).first()));
app.get('/products/:id', async (req, res) => res.json(await db('products').where({ id: req.params.id }).first()));
app.delete('/notes/:id', async (req, res) => res.json(await db('notes').where('id', req.params.id).del()));
module.exports = app;
`;

interface Finding {
  line: number;
  messageId: string | undefined;
  message: string;
}

describe('Knex migrations as models across files', () => {
  let root: string | undefined;

  afterEach(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    root = undefined;
    forgetProjects();
  });

  async function findingsIn(files: Record<string, string>, file: string): Promise<Finding[]> {
    root = writeTempProject(files, 'knex-tables');
    forgetProjects();
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.js'], plugins: { claimguard: plugin as never }, rules: { 'claimguard/require-ownership-check': 'error' } }],
    });
    const [result] = await eslint.lintFiles([file]);
    assert.ok(result);
    for (const message of result.messages) assert.ok(!message.fatal, message.message);
    return result.messages.map((message) => ({ line: message.line, messageId: message.messageId, message: message.message }));
  }

  it('reports owned tables read or deleted by a path id on unauthenticated routes, and stays quiet on a public table', async () => {
    const findings = await findingsIn({ 'migrations/2020_create_invoices.js': MIGRATION, 'migrations/2021_add_note_author.js': ALTERATION, 'routes/invoices.js': ROUTES }, 'routes/invoices.js');
    assert.deepEqual(
      findings.map(({ line, messageId }) => ({ line, messageId })),
      [
        { line: 4, messageId: 'ownedRecordWithoutAuthentication' },
        { line: 6, messageId: 'ownedRecordWithoutAuthentication' },
      ],
    );
    assert.match(findings[0]!.message, /invoices, which is owned through 'user_id'/);
    assert.match(findings[1]!.message, /notes, which is owned through 'author'/);
  });

  it('judges a table no migration declares as an unknown model: quiet when nobody is authenticated', async () => {
    assert.deepEqual(await findingsIn({ 'routes/invoices.js': ROUTES }, 'routes/invoices.js'), []);
  });
});
