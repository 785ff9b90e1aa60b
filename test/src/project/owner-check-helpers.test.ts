import * as assert from 'node:assert/strict';
import { tempProjectFindingLines, tempProjectLevels } from './temp-project';

/**
 * An ownership check written once in `lib/` and called by every handler: `assertOwner(record, req.auth.sub)`
 * compares the record's owner with what the caller passes and throws. Handed the verified subject, it checks the
 * record the handler loaded, as the same code written in the handler would. CommonJS JavaScript (espree) and
 * TypeScript (typescript-eslint).
 */
describe('ownership checks in helpers of another file', function () {
  this.timeout(60_000);

  const MODEL = `const { Schema, model } = require('mongoose');
module.exports = model('Order', new Schema({ customerId: String, total: Number }));
`;
  const app = (subject: string) => `const express = require('express');
const { expressjwt } = require('express-jwt');
const Order = require('./models/order');
const { assertOwner } = require('./lib/authz');
const app = express();
const requireAuth = expressjwt({ secret: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'shop' });
app.get('/orders/:id', requireAuth, async (req, res) => {
  const order = assertOwner(await Order.findById(req.params.id), ${subject});
  res.json(order);
});
module.exports = app;
`;
  const HELPER = `const createError = require('http-errors');
function assertOwner(record, userId) {
  if (!record || String(record.customerId) !== String(userId)) throw createError(404, 'Order not found');
  return record;
}
module.exports = { assertOwner };
`;

  const ownershipFindings = (files: Record<string, string>) => tempProjectFindingLines(files, 'owner-helper', 'claimguard/require-ownership-check');

  it('takes the helper handed the verified subject for the ownership check', async () => {
    const files = { 'app.js': app('req.auth.sub'), 'lib/authz.js': HELPER, 'models/order.js': MODEL };
    assert.deepEqual(await ownershipFindings(files), []);
    assert.deepEqual(tempProjectLevels(files, 'owner-helper'), { 'GET /orders/:id': 3 });
  });

  it('still reports the load when the helper is handed a value the caller chose', async () => {
    const files = { 'app.js': app('req.query.customer'), 'lib/authz.js': HELPER, 'models/order.js': MODEL };
    assert.deepEqual(await ownershipFindings(files), ['app.js:8']);
  });

  it('reads a TypeScript helper imported by name the same way', async () => {
    const files = {
      'src/app.ts': `import express from 'express';
import { expressjwt } from 'express-jwt';
import { Order } from './models/order.js';
import { assertOwner } from './lib/authz.js';
export const app = express();
app.use(expressjwt({ secret: process.env.JWT_PUBLIC_KEY!, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'shop' }));
app.delete('/orders/:id', async (req, res) => {
  const order = await Order.findById(req.params.id);
  assertOwner(order, (req as any).auth.sub);
  await order!.deleteOne();
  res.sendStatus(204);
});
`,
      'src/models/order.ts': `import { Schema, model } from 'mongoose';
export const Order = model('Order', new Schema({ customerId: String, total: Number }));
`,
      'src/lib/authz.ts': `export function assertOwner<T extends { customerId?: unknown }>(record: T | null, userId: string): T {
  if (!record || String(record.customerId) !== userId) throw Object.assign(new Error('Forbidden'), { status: 403 });
  return record;
}
`,
    };
    assert.deepEqual(await ownershipFindings(files), []);
  });
});
