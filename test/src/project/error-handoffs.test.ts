import * as assert from 'node:assert/strict';
import { untrustedDecisions } from './temp-project';

/**
 * Middleware in `middleware/` hands errors to `next`; the routes in `app.js` run it. Whether the test before the
 * hand-off is an authorization decision depends on the error: a refusal of access is, a failed payment is not.
 * CommonJS JavaScript (espree), real ESLint runs.
 */
describe('errors handed to next() by middleware in another file', function () {
  this.timeout(60_000);

  function findingsWith(middleware: string): Promise<string[]> {
    return untrustedDecisions(
      {
        'middleware/plan.js': `module.exports = function requirePlan(req, res, next) {
${middleware}
  next();
};
`,
        'app.js': `const express = require('express');
const requirePlan = require('./middleware/plan');

const app = express();
app.post('/exports', requirePlan, (req, res) => res.sendStatus(202));
module.exports = app;
`,
      },
      'error-handoffs',
    );
  }

  it('reports a header test whose branch hands over an error that refuses access', async () => {
    const findings = await findingsWith(`  if (req.get('x-plan') !== 'pro') return next(new Error('Blocked request from ' + req.ip));`);
    assert.deepEqual(findings, ["middleware/plan.js:2 Authorization decision uses header 'x-plan'"]);
  });

  it('leaves a test whose branch hands over an error about something else', async () => {
    assert.deepEqual(await findingsWith(`  if (req.get('x-plan') !== 'pro') return next(new Error('Exports are paused for maintenance'));`), []);
  });
});
