import * as assert from 'node:assert/strict';
import { SettingsError } from '../../../eslint-plugin/out/analysis/index';
import { readSettings } from '../../../eslint-plugin/out/analysis/settings';
import { error, ruleCases } from './rule-cases';

/** The README's first worked example: a project's own verifier. */
const IN_HOUSE_VERIFIER = {
  claimguard: {
    models: [
      {
        id: 'in-house auth',
        verifies: [{ call: [{ function: 'verifyAccess' }] }],
        tokenCalls: [{ name: 'verifyAccess', result: { claims: 'verified' } }],
      },
    ],
  },
};

/** The README's second worked example: a request property that the project's own middleware fills with verified claims. */
const CLAIMS_ON_REQUEST = {
  claimguard: {
    models: [{ id: 'in-house auth', verifiedPaths: ['req.identity'], verifies: [{ call: [{ function: 'authenticate' }], middleware: true }] }],
  },
};

/** The README's third worked example: an in-house data layer whose calls read and delete records. */
const IN_HOUSE_RECORDS = {
  claimguard: {
    models: [
      {
        id: 'acme data',
        modules: ['@acme/data'],
        records: [
          { call: [{ export: ['loadInvoice'] }], operation: 'read' },
          { call: [{ method: 'purge' }], operation: 'delete', selector: 1 },
        ],
      },
    ],
  },
};

// Every record case runs behind a verified token: handlers start on line 6.
const VERIFIED_APP = `const express = require('express');
const { auth } = require('express-oauth2-jwt-bearer');
const { loadInvoice, store } = require('@acme/data');
const app = express();
app.use(auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/' }));
`;

const IN_HOUSE_ROUTE = `import { verifyAccess } from './auth';
app.get('/admin', async (req, res) => {
  const claims = await verifyAccess(req.headers.authorization);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`;

describe('settings.claimguard.models', () => {
  ruleCases('maturity-level', {
    valid: [{ code: IN_HOUSE_ROUTE, options: [{ minimumLevel: 3 }], settings: IN_HOUSE_VERIFIER }],
    invalid: [
      // Without the model the route verifies nothing the analysis knows of.
      { code: IN_HOUSE_ROUTE, options: [{ minimumLevel: 3 }], errors: [error('unauthenticated', 2, 1)] },
    ],
  });
  ruleCases('no-untrusted-authorization', {
    valid: [
      {
        code: `app.use(authenticate());
app.get('/admin', (req, res) => {
  if (req.identity.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        settings: CLAIMS_ON_REQUEST,
      },
    ],
    invalid: [
      {
        // A header is still a header.
        code: `app.use(authenticate());
app.get('/reports', (req, res) => {
  if (req.headers['x-role'] !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        settings: CLAIMS_ON_REQUEST,
        errors: [error('untrustedHeader', 3, 7)],
      },
    ],
  });
  ruleCases('no-unverified-claims', {
    valid: [],
    invalid: [
      {
        // A project's own decoder, modelled as one.
        code: `import { peekToken } from './tokens';
app.get('/admin', (req, res) => {
  const claims = peekToken(req.headers.authorization);
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.json(report());
});`,
        settings: { claimguard: { models: [{ id: 'token helpers', tokenCalls: [{ name: 'peekToken', result: { claims: 'unverified' } }] }] } },
        errors: [error('unverifiedClaims', 4, 7)],
      },
    ],
  });

  ruleCases('require-ownership-check', {
    valid: [
      // Without the model, the call is no record access the analysis knows of.
      `${VERIFIED_APP}app.get('/invoices/:id', async (req, res) => res.json(await loadInvoice(req.params.id)));`,
      {
        // The record is compared with the verified subject before it is sent.
        code: `${VERIFIED_APP}app.get('/invoices/:id', async (req, res) => {
  const invoice = await loadInvoice(req.params.id);
  if (invoice.userId !== req.auth.payload.sub) return res.sendStatus(403);
  res.json(invoice);
});`,
        settings: IN_HOUSE_RECORDS,
      },
      {
        // The selector is a filter scoped by the verified subject.
        code: `${VERIFIED_APP}app.delete('/invoices/:id', async (req, res) => {
  await store.purge('invoices', { id: req.params.id, userId: req.auth.payload.sub });
  res.sendStatus(204);
});`,
        settings: IN_HOUSE_RECORDS,
      },
      {
        // A function of the same name from another module is not the model's.
        code: `${VERIFIED_APP.replace("require('@acme/data')", "require('./fixtures')")}app.get('/invoices/:id', async (req, res) => res.json(await loadInvoice(req.params.id)));`,
        settings: IN_HOUSE_RECORDS,
      },
    ],
    invalid: [
      {
        code: `${VERIFIED_APP}app.get('/invoices/:id', async (req, res) => res.json(await loadInvoice(req.params.id)));`,
        settings: IN_HOUSE_RECORDS,
        errors: [error('missingOwnershipCheck', 6, 61)],
      },
      {
        // The record is chosen by the second argument; the first names its table.
        code: `${VERIFIED_APP}app.delete('/invoices/:id', async (req, res) => {
  await store.purge('invoices', req.params.id);
  res.sendStatus(204);
});`,
        settings: IN_HOUSE_RECORDS,
        errors: [error('missingOwnershipCheck', 7, 15)],
      },
    ],
  });

  describe('validation', () => {
    const rejects = (models: unknown, message: string) => {
      assert.throws(() => readSettings({ claimguard: { models } }), (thrown: unknown) => thrown instanceof SettingsError && thrown.message === message);
    };

    it('reads the worked examples', () => {
      assert.equal(readSettings(IN_HOUSE_VERIFIER).models[0]!.id, 'in-house auth');
      assert.deepEqual(readSettings(CLAIMS_ON_REQUEST).models[0]!.verifiedPaths, ['req.identity']);
      assert.deepEqual(readSettings(IN_HOUSE_RECORDS).models[0]!.records, IN_HOUSE_RECORDS.claimguard.models[0]!.records);
    });
    it('names the field and what it must be', () => {
      rejects({}, 'Invalid settings.claimguard.models: expected an array.');
      rejects([{ modules: [] }], 'Invalid settings.claimguard.models[0].id: expected a non-empty string.');
      rejects(
        [{ id: 'x', tokenCalls: [{ name: 'verifyAccess', result: { claims: 'trusted' } }] }],
        'Invalid settings.claimguard.models[0].tokenCalls[0].result.claims: expected "verified" or "unverified".',
      );
      rejects(
        [{ id: 'x', verifies: [{ call: [{ function: 'a', method: 'b' }] }] }],
        'Invalid settings.claimguard.models[0].verifies[0].call[0]: expected exactly one of { "function": name }, { "export": [path…] }, { "construct": [path…] }, { "method": name } or { "member": [names…] }.',
      );
      rejects([{ id: 'x', verify: [] }], 'Invalid settings.claimguard.models[0].verify: expected one of the known fields (id, modules, verifies, keys, tokenCalls, schemes, verifiedPaths, receiverWords, records).');
      rejects(
        [{ id: 'x', records: [{ call: [{ method: 'load' }], operation: 'fetch' }] }],
        'Invalid settings.claimguard.models[0].records[0].operation: expected "read", "change" or "delete".',
      );
      rejects(
        [{ id: 'x', records: [{ call: [{ method: 'load' }], operation: 'read', selector: '0' }] }],
        'Invalid settings.claimguard.models[0].records[0].selector: expected an argument index (0, 1, 2…).',
      );
      rejects([{ id: 'x', records: [{ operation: 'read' }] }], 'Invalid settings.claimguard.models[0].records[0].call: expected an array.');
      rejects(
        [{ id: 'x', verifies: [{ call: [{ function: 'v' }], options: { index: -1 } }] }],
        'Invalid settings.claimguard.models[0].verifies[0].options.index: expected an argument index (0, 1, 2…).',
      );
    });
  });
});
