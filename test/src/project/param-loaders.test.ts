import * as assert from 'node:assert/strict';
import { tempProjectFindingLines, tempProjectLevels } from './temp-project';

/**
 * `router.param('id', load)`: Express runs the loader before the handlers of every route of that router whose path
 * has `:id`, with the parameter's value as its fourth argument. An owner check there checks each of those routes;
 * an unchecked load there is each route's. CommonJS JavaScript (espree) and TypeScript (typescript-eslint).
 */
describe('router.param loaders run on the routes whose path has the parameter', function () {
  this.timeout(60_000);

  const APP = `const express = require('express');
const { expressjwt } = require('express-jwt');
const invoices = require('./routes/invoices');
const app = express();
app.use('/invoices', expressjwt({ secret: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'billing' }), invoices);
module.exports = app;
`;
  const ROUTES = `const router = require('express').Router();
const ctrl = require('../controllers/invoices');
router.param('id', ctrl.load);
router.get('/', ctrl.list);
router.get('/:id', ctrl.show);
router.delete('/:id', ctrl.remove);
module.exports = router;
`;
  const controller = (check: string) => `const Invoice = require('../models/invoice');
exports.load = async (req, res, next, id) => {
  const invoice = await Invoice.findById(id);
  if (!invoice) return res.sendStatus(404);
${check}  req.invoice = invoice;
  next();
};
exports.list = async (req, res) => res.json(await Invoice.find({ userId: req.auth.sub }));
exports.show = (req, res) => res.json(req.invoice);
exports.remove = async (req, res) => {
  await req.invoice.deleteOne();
  res.sendStatus(204);
};
`;
  const MODEL = "const { Schema, model } = require('mongoose');\nmodule.exports = model('Invoice', new Schema({ userId: String, total: Number }));\n";
  const project = (check: string) => ({ 'app.js': APP, 'routes/invoices.js': ROUTES, 'controllers/invoices.js': controller(check), 'models/invoice.js': MODEL });

  it('takes an owner check in the loader for a check of every route with the parameter', async () => {
    const files = project("  if (String(invoice.userId) !== req.auth.sub) return res.sendStatus(404);\n");
    assert.deepEqual(tempProjectLevels(files, 'param-loaders'), { 'GET /invoices': 3, 'GET /invoices/:id': 3, 'DELETE /invoices/:id': 3 });
    assert.deepEqual(await tempProjectFindingLines(files, 'param-loaders', 'claimguard/require-ownership-check'), []);
  });

  it('reports an unchecked load by the parameter written in the router file, and holds its routes at Level 1', async () => {
    const files = {
      ...project(''),
      'routes/invoices.js': ROUTES.replace(
        "router.param('id', ctrl.load);",
        "const Invoice = require('../models/invoice');\nrouter.param('id', async (req, res, next, id) => {\n  req.invoice = await Invoice.findById(id);\n  next();\n});",
      ),
    };
    // Verified, and nothing decides on the claims where the client picks the invoice (as for any unchecked read).
    assert.deepEqual(tempProjectLevels(files, 'param-loaders'), { 'GET /invoices': 3, 'GET /invoices/:id': 1, 'DELETE /invoices/:id': 1 });
    assert.deepEqual(await tempProjectFindingLines(files, 'param-loaders', 'claimguard/require-ownership-check'), ['routes/invoices.js:5']);
  });

  it('reads a loader written in TypeScript in the router file', () => {
    const levels = tempProjectLevels(
      {
        'src/app.ts': `import express from 'express';
import { expressjwt } from 'express-jwt';
import { invoices } from './invoices.js';
export const app = express();
app.use('/invoices', expressjwt({ secret: process.env.JWT_PUBLIC_KEY!, algorithms: ['RS256'], issuer: 'https://id.example.com/', audience: 'billing' }), invoices);
`,
        'src/invoices.ts': `import { Router, type NextFunction, type Request, type Response } from 'express';
import { Invoice } from './invoice.js';
export const invoices = Router();
invoices.param('invoiceId', async (req: Request, res: Response, next: NextFunction, invoiceId: string) => {
  const invoice = await Invoice.findById(invoiceId);
  if (!invoice || String(invoice.userId) !== (req as any).auth.sub) return res.sendStatus(404);
  res.locals.invoice = invoice;
  next();
});
invoices.get('/:invoiceId', (_req: Request, res: Response) => res.json(res.locals.invoice));
`,
        'src/invoice.ts': "import { Schema, model } from 'mongoose';\nexport const Invoice = model('Invoice', new Schema({ userId: String, total: Number }));\n",
      },
      'param-loaders',
    );
    assert.deepEqual(levels, { 'GET /invoices/:invoiceId': 3 });
  });
});
