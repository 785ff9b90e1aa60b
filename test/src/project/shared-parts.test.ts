import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withSharedParts } from '../../../eslint-plugin/out/util/shared-parts';
import { ProjectIndex } from '../../../eslint-plugin/out/project/index';

describe('summaries stored with their equal parts shared', () => {
  it('keeps the data as it was, with each equal part one instance', () => {
    const span = () => ({ start: { line: 3, column: 0 }, end: { line: 3, column: 12 } });
    interface Route {
      span: ReturnType<typeof span>;
      facts: { decisions: { span: ReturnType<typeof span>; description: string }[] };
    }
    const routes: Route[] = [
      { span: span(), facts: { decisions: [{ span: span(), description: `role from header 'x-${'role'}'` }] } },
      { span: span(), facts: { decisions: [] } },
    ];
    const data = { routes, none: undefined, empty: null };
    const shared = withSharedParts(data);
    assert.deepEqual(shared, data);
    assert.ok('none' in shared);
    assert.equal(shared.routes[0]!.span, shared.routes[1]!.span);
    assert.equal(shared.routes[0]!.span, shared.routes[0]!.facts.decisions[0]!.span);
    assert.notEqual(shared.routes[0]!.span, data.routes[0]!.span, 'the input is not changed');
  });

  it('never merges parts that differ only in how their text could be joined', () => {
    const data = [
      { a: 1 }, { a: '1' }, { a: true }, { a: 'true' }, { a: null }, { a: 'null' }, { a: undefined }, {},
      ['a,b'], ['a', 'b'], { 'a=s0,b': 1 }, { a: 's0', b: 1 },
      { 'x:1': 2 }, { x: 12 },
    ];
    const shared = withSharedParts(data);
    assert.deepEqual(shared, data);
    assert.equal(new Set(shared).size, data.length);
  });

  it('are what the project index keeps of a file read from disk', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimguard-shared-'));
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    const routes = Array.from({ length: 3 }, (_, i) => `app.get('/r${i}', (req, res) => { if (req.headers['x-role'] !== 'admin') return res.sendStatus(403); res.json({}); });`);
    fs.writeFileSync(path.join(root, 'app.js'), `const express = require('express');\nconst { auth } = require('express-oauth2-jwt-bearer');\nconst app = express();\napp.use(auth({ audience: 'a', issuerBaseURL: 'https://i/', tokenSigningAlg: 'RS256' }));\n${routes.join('\n')}\n`);
    let summary;
    try {
      summary = new ProjectIndex(root, undefined, false).summaryOf(path.join(root, 'app.js'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    assert.equal(summary?.routes.length, 3);
    const [first, second] = summary!.routes.map((route) => route.facts.verifications[0]);
    assert.ok(first);
    assert.equal(first, second, 'the middleware every route shares is stored once');
  });
});
