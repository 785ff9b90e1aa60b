import * as assert from 'node:assert/strict';
import { compileGlob, compilePathGlob, compileRoutePattern, globMatches, matches, type RouteAnchoring } from '../../../eslint-plugin/out/util/wildcard';

describe('linear-time wildcard matching', () => {
  describe('globs (ignore files, settings)', () => {
    const cases: [string, string, boolean][] = [
      ['*.js', 'app.js', true],
      ['*.js', 'src/app.js', false],
      ['**/*.js', 'src/app.js', true],
      ['**/*.js', 'app.js', true],
      ['src/**/*.ts', 'src/a/b/c.ts', true],
      ['src/**/*.ts', 'src/c.ts', true],
      ['src/**/*.ts', 'lib/c.ts', false],
      ['src/**', 'src/a/b', true],
      ['a?c', 'abc', true],
      ['a?c', 'a/c', false],
      ['[a-c]x', 'bx', true],
      ['[!a-c]x', 'bx', false],
      ['[!a-c]x', 'dx', true],
      ['\\*x', '*x', true],
      ['\\*x', 'ax', false],
      ['/health', '/health', true],
      ['/docs/**', '/docs/a/b', true],
      ['/docs/*', '/docs/a/b', false],
      ['**/node_modules/**', 'a/node_modules/b/c.js', true],
      ['[unclosed', '[unclosed', true],
    ];
    for (const [pattern, text, expected] of cases) {
      it(`${pattern} ${expected ? 'matches' : 'does not match'} ${text}`, () => {
        assert.equal(globMatches(pattern, text), expected);
      });
    }
  });

  describe('route patterns', () => {
    const cases: [string, RouteAnchoring, string, boolean][] = [
      // Express and Koa `use` prefixes cover the path and everything below it, at segment boundaries.
      ['/admin', 'prefix', '/admin', true],
      ['/admin', 'prefix', '/admin/users', true],
      ['/admin', 'prefix', '/administrators', false],
      ['/admin/', 'prefix', '/admin/users', true],
      ['/users/:id', 'prefix', '/users/:userId/posts', true],
      ['/users/:id', 'prefix', '/users/42/posts', true],
      ['/users/:id', 'prefix', '/users', false],
      ['/api*', 'prefix', '/apix/y', true],
      // Hono's `/*` covers the prefix itself too.
      ['/api/*', 'prefix', '/api', true],
      ['/api/*', 'prefix', '/api/posts/1', true],
      ['/api/*', 'prefix', '/apis', false],
      // Nest `forRoutes` paths: whole paths with `*`, `(.*)` and `:param`, a trailing slash allowed.
      ['/cats/*', 'whole', '/cats/1/toys', true],
      ['/cats/(.*)', 'whole', '/cats/1', true],
      ['/cats/:id', 'whole', '/cats/1', true],
      ['/cats/:id', 'whole', '/cats/1/toys', false],
      ['/cats', 'whole', '/cats/', true],
      ['/cats', 'whole', '/dogs', false],
      // Next.js matchers.
      ['/api/:path*', 'whole', '/api', true],
      ['/api/:path*', 'whole', '/api/users/x', true],
      ['/api/:path*', 'whole', '/apiary', false],
      ['/api/:path+', 'whole', '/api', false],
      ['/api/:path+', 'whole', '/api/a/b', true],
      ['/users/:id?', 'whole', '/users', true],
      ['/users/:id?', 'whole', '/users/7', true],
      ['/users/:id?', 'whole', '/users/7/x', false],
      ['/((?!api|_next/static|favicon\\.ico).*)', 'whole', '/dashboard/settings', true],
      ['/((?!api|_next/static|favicon\\.ico).*)', 'whole', '/api/users', false],
      ['/((?!api|_next/static|favicon\\.ico).*)', 'whole', '/favicon.ico', false],
      ['/about/:path((?!team).*)', 'whole', '/about/jobs/x', true],
      ['/about/:path((?!team).*)', 'whole', '/about/team', false],
      // Express 5: `*splat` and `{…}` optional parts; constraints are one segment.
      ['/files/*splat', 'whole', '/files/a/b.txt', true],
      ['/users{/:id}', 'whole', '/users', true],
      ['/users{/:id}', 'whole', '/users/3', true],
      ['/users/:id(\\d+)', 'whole', '/users/3', true],
      ['/users/:id{[0-9]+}', 'whole', '/users/3', true],
      ['/users/:id(\\d+)', 'whole', '/users/3/x', false],
      // Characters regular expressions give meaning to are plain text here.
      ['/a.b', 'whole', '/a.b', true],
      ['/a.b', 'whole', '/axb', false],
      ['/a$b^c|d', 'whole', '/a$b^c|d', true],
      ['/a[b]', 'whole', '/a[b]', true],
    ];
    for (const [pattern, anchoring, path, expected] of cases) {
      it(`${pattern} (${anchoring}) ${expected ? 'covers' : 'does not cover'} ${path}`, () => {
        assert.equal(matches(compileRoutePattern(pattern, anchoring), path), expected);
      });
    }
  });

  describe('public-route allow-lists', () => {
    const cases: [string, string, boolean][] = [
      ['/health', '/health', true],
      ['/health', '/healthz', false],
      ['/users/*', '/users/:id', true],
      ['/users/*', '/users/1/posts', false],
      ['/docs/**', '/docs/a/b', true],
      ['/users/[id]', '/users/[id]', true],
      ['/a.b', '/axb', false],
    ];
    for (const [pattern, path, expected] of cases) {
      it(`${pattern} ${expected ? 'allows' : 'does not allow'} ${path}`, () => {
        assert.equal(matches(compilePathGlob(pattern), path), expected);
      });
    }
  });

  describe('patterns built to make backtracking matchers explode', () => {
    // With a backtracking matcher, `a*a*…a*!` against a long run of `a` takes exponential steps; here each
    // character costs at most one pass over the pattern's states, so the answer is certain, not slow.
    const hostile = `${'a*'.repeat(40)}!`;
    const run = 'a'.repeat(5000);

    it('as a glob', () => {
      const pattern = compileGlob(hostile);
      assert.equal(matches(pattern, run), false);
      assert.equal(matches(pattern, `${run}!`), true);
    });

    it('as a route prefix and a whole route', () => {
      for (const anchoring of ['prefix', 'whole'] as const) {
        const pattern = compileRoutePattern(`/${hostile}`, anchoring);
        assert.equal(matches(pattern, `/${run}`), false, anchoring);
        assert.equal(matches(pattern, `/${run}!`), true, anchoring);
      }
    });

    it('as nested optional parameters and groups', () => {
      const pattern = compileRoutePattern(`/${':a?'.repeat(30)}${'(.*)'.repeat(30)}!`, 'whole');
      assert.equal(matches(pattern, `/${run}`), false);
    });

    it('as an allow-list entry', () => {
      const pattern = compilePathGlob(`/${'*x'.repeat(40)}!`);
      assert.equal(matches(pattern, `/${'x'.repeat(5000)}`), false);
    });

    it('the automaton has a state count linear in the pattern', () => {
      const pattern = compileRoutePattern(`/${hostile}`, 'prefix');
      assert.ok(pattern.states.length <= 4 * hostile.length + 8, `${pattern.states.length} states for ${hostile.length} characters`);
    });
  });

  it('treats an absurdly long pattern as matching nothing', () => {
    assert.equal(globMatches('*'.repeat(5000), 'anything'), false);
    assert.equal(matches(compileRoutePattern('*'.repeat(5000), 'prefix'), 'anything'), false);
  });
});
