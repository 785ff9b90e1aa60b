import * as assert from 'node:assert/strict';
import { trimSlashes, trimTrailingSlashes } from '../../../eslint-plugin/out/util/slashes';
import { joinPaths } from '../../../eslint-plugin/out/analysis/routes';

describe('slashes trimmed off route paths', () => {
  it('trims leading and trailing runs only', () => {
    assert.equal(trimSlashes('//api/v1//'), 'api/v1');
    assert.equal(trimSlashes('///'), '');
    assert.equal(trimTrailingSlashes('/api///'), '/api');
    assert.equal(trimTrailingSlashes('a//b'), 'a//b');
  });

  it('joins prefixes and paths with one slash between them', () => {
    assert.deepEqual([joinPaths('api', '/orders'), joinPaths('/api/', '/'), joinPaths('', 'x/')], ['/api/orders', '/api', '/x']);
  });

  it('a long run of slashes inside a path, which makes a trimming regular expression backtrack, is kept as it is', () => {
    // With /\/+$/ this input takes quadratic time: seconds at this size.
    const path = `a${'/'.repeat(200_000)}b`;
    assert.equal(trimSlashes(path), path);
    assert.equal(joinPaths('api', path), `/api/${path}`);
  });
});
