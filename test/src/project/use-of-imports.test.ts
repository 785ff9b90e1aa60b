import * as assert from 'node:assert/strict';
import { tempProjectLevels } from './temp-project';

/**
 * `app.use(x)` with `x` imported: a router to mount or middleware to run, which only the imported file can say,
 * whatever `x` is called (`apiKey` reads like a router named `api…`, `apiRoutes` is one). CommonJS JavaScript
 * (espree) and TypeScript (typescript-eslint).
 */
describe('imported values handed to use()', function () {
  this.timeout(60_000);

  const API_KEY = `exports.apiKey = (req, res, next) => {
  if (req.get('x-api-key') !== process.env.API_KEY) return res.sendStatus(401);
  next();
};
`;

  it('runs imported API-key middleware named like a router on the routes after it', () => {
    const levels = tempProjectLevels(
      {
        'app.js': `const express = require('express');
const { apiKey } = require('./middleware/api-key');
const partner = require('./routes/partner');
const app = express();
app.use(apiKey);
app.get('/catalog', (req, res) => res.json([]));
app.use('/partner', partner);
module.exports = app;
`,
        'middleware/api-key.js': API_KEY,
        'routes/partner.js': "const router = require('express').Router();\nrouter.post('/orders', (req, res) => res.sendStatus(201));\nmodule.exports = router;\n",
      },
      'use-imports',
    );
    assert.deepEqual(levels, { 'GET /catalog': 0, 'POST /partner/orders': 0 });
  });

  it('still mounts an imported router named like one, with the middleware before it', () => {
    const levels = tempProjectLevels(
      {
        'src/app.ts': `import express from 'express';
import { apiKey } from './middleware/api-key.js';
import { apiRoutes } from './routes/api.js';
export const app = express();
app.use('/v1', apiKey, apiRoutes);
`,
        'src/middleware/api-key.ts': API_KEY.replace('exports.apiKey = (req, res, next)', 'export const apiKey = (req: any, res: any, next: () => void)'),
        'src/routes/api.ts': "import { Router } from 'express';\nexport const apiRoutes = Router();\napiRoutes.get('/items', (_req, res) => res.json([]));\n",
      },
      'use-imports',
    );
    assert.deepEqual(levels, { 'GET /v1/items': 0 });
  });
});
