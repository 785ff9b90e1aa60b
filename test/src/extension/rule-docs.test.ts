import * as assert from 'node:assert/strict';
import { docCandidates, parseRuleIndex, type RuleDoc } from 'claimguard-vscode/out/rule-docs';

const BASE = 'https://github.com/claimguard/claimguard/blob/main/eslint-plugin/docs/rules';
const RULES: RuleDoc[] = [
  { name: 'no-untrusted-authorization', description: 'Disallow authorization on caller-controlled values.', url: `${BASE}/no-untrusted-authorization.md` },
  { name: 'no-api-key-auth', description: 'Disallow API-key authentication.', url: `${BASE}/no-api-key-auth.md` },
];

describe('extension: rule documentation targets', () => {
  it('opens the rule passed as an argument, with or without the prefix', () => {
    assert.deepEqual(docCandidates('claimguard/no-api-key-auth', [], RULES), [RULES[1]]);
    assert.deepEqual(docCandidates('no-api-key-auth', [], RULES), [RULES[1]]);
    assert.deepEqual(docCandidates('no-such-rule', [], RULES), []);
  });

  it('offers the ClaimGuard rules reported at the cursor, once each', () => {
    const atCursor = [
      { source: 'claimguard', code: 'claimguard/no-untrusted-authorization' },
      { source: 'claimguard', code: 'claimguard/no-untrusted-authorization' },
      { source: 'eslint', code: 'no-unused-vars' },
    ];
    assert.deepEqual(docCandidates(undefined, atCursor, RULES), [RULES[0]]);
  });

  it('uses the diagnostic link for a rule the index does not know', () => {
    const atCursor = [{ source: 'claimguard', code: 'claimguard/new-rule', href: `${BASE}/new-rule.md` }];
    assert.deepEqual(docCandidates(undefined, atCursor, RULES), [{ name: 'new-rule', description: '', url: `${BASE}/new-rule.md` }]);
  });

  it('offers every rule when nothing is at the cursor', () => {
    assert.deepEqual(docCandidates(undefined, [], RULES), RULES);
  });

  it('never offers a link that is not a web page', () => {
    const atCursor = [{ source: 'claimguard', code: 'claimguard/x', href: 'command:workbench.action.terminal.new' }];
    assert.deepEqual(docCandidates(undefined, atCursor, RULES), RULES);
  });
});

describe('extension: rule index', () => {
  it('reads valid entries and drops the rest', () => {
    const json = JSON.stringify([...RULES, { name: 'x', description: 'd', url: 'file:///etc/passwd' }, { name: 3 }]);
    assert.deepEqual(parseRuleIndex(json), RULES);
  });

  it('gives an empty list for a damaged index', () => {
    assert.deepEqual(parseRuleIndex('{not json'), []);
    assert.deepEqual(parseRuleIndex('{"rules": []}'), []);
  });
});
