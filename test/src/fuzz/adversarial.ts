/**
 * Generators for inputs built against the analysis's cost: each shape makes a naive analysis quadratic, exponential
 * or abort, at any size. The adversarial suite lints them small (asserting results and work counts) and
 * `npm run bench` lints them at full size (reporting time as a ratio to ESLint alone).
 */

export interface AdversarialShape {
  name: string;
  /** What a naive analysis does on it. */
  threat: string;
  /** The file at a given size (the unit of size is the shape's own: call sites, routes, lines…). */
  code(size: number): string;
  /** The size the issue reproduced it at, for the benchmark. */
  fullSize: number;
}

const EXPRESS = "const express = require('express');\nconst app = express();\n";

/** Verified-token middleware: a route it covers grades at Level 1 or better, one it misses as unauthenticated. */
const VERIFIER = "const { auth: jwtAuth } = require('express-oauth2-jwt-bearer');\nconst auth = jwtAuth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' });";

/** A guard that calls itself `size` times: re-walking its summary at every call site multiplies per level. */
export function selfCallingGuard(size: number): string {
  return `${EXPRESS}function guard(role) {
  if (role !== 'admin') throw new ForbiddenError();
${'  guard(role);\n'.repeat(size)}}
app.get('/x', (req, res) => { guard(req.headers['x-role']); res.json({}); });
`;
}

/** `size` helpers each called from every later one: call sites fan out at every level of the trace. */
export function helperFanOut(size: number): string {
  const helpers = [`function h0(role) { if (role !== 'admin') throw new ForbiddenError(); }`];
  for (let i = 1; i < size; i++) helpers.push(`function h${i}(role) { ${Array.from({ length: Math.min(i, 8) }, (_, k) => `h${i - 1 - k}(role);`).join(' ')} }`);
  return `${EXPRESS}${helpers.join('\n')}
app.get('/x', (req, res) => { h${size - 1}(req.headers['x-role']); res.json({}); });
`;
}

/** `size` routes, each behind an `app.use` prefix of its own: filtering every use per route is quadratic. */
export function prefixedRoutes(size: number): string {
  const lines = [EXPRESS.trimEnd(), VERIFIER];
  for (let i = 0; i < size; i++) lines.push(`app.use('/p${i}', auth);`, `app.get('/p${i}/items', (req, res) => res.json({}));`);
  return `${lines.join('\n')}\n`;
}

/** `size` routers mounted under prefixes, each with routes: mounts against uses, lifted through parents. */
export function mountedRouters(size: number): string {
  const lines = [EXPRESS.trimEnd(), VERIFIER];
  for (let i = 0; i < size; i++) {
    lines.push(`const r${i} = express.Router();`, `r${i}.get('/x', (req, res) => res.json({}));`, `app.use('/m${i}', auth);`, `app.use('/m${i}', r${i});`);
  }
  return `${lines.join('\n')}\n`;
}

/** `html = html + req.query.x`, `size` times: reading every write of a variable at every read is quadratic. */
export function concatenation(size: number): string {
  return `${EXPRESS}app.get('/x', (req, res) => {
  let html = '';
${'  html = html + req.query.x;\n'.repeat(size)}  if (html === 'admin') return res.sendStatus(403);
  res.send(html);
});
`;
}

/** An `else if` chain `size` long: thousands of them exhaust the parser's stack and can abort Node. */
export function elseIfChain(size: number): string {
  const branches = Array.from({ length: size - 1 }, (_, i) => `  else if (v === ${i + 1}) res.send('${i + 1}');\n`).join('');
  return `${EXPRESS}app.get('/x', (req, res) => {
  const v = Number(req.query.v);
  if (v === 0) res.send('0');
${branches}});
`;
}

/** `app.use('/a*a*…a*!', mw)` before a route of `a`s: a regular expression built from it backtracks exponentially. */
export function backtrackingPrefix(size: number): string {
  return `${EXPRESS}const auth = (req, res, next) => next();
app.use('/${'a*'.repeat(size)}!', auth);
app.get('/${'a'.repeat(size * 2)}', (req, res) => { if (req.headers['x-role'] !== 'admin') return res.sendStatus(403); res.json({}); });
`;
}

/** A header copied through `size` variables before the check. */
export function aliasChain(size: number): string {
  const aliases = Array.from({ length: size }, (_, i) => `  const v${i + 1} = v${i};`).join('\n');
  return `${EXPRESS}app.get('/x', (req, res) => {
  const v0 = req.headers['x-role'];
${aliases}
  if (v${size} === 'admin') return res.sendStatus(403);
  res.json({});
});
`;
}

/** `size` middleware under wildcard prefixes before `size` routes: every pair must be matched. */
export function wildcardPrefixes(size: number): string {
  const lines = [EXPRESS.trimEnd(), 'const auth = (req, res, next) => next();'];
  for (let i = 0; i < size; i++) lines.push(`app.use('/w*/p${i}', auth);`);
  for (let i = 0; i < size; i++) lines.push(`app.get('/r${i}', (req, res) => res.json({}));`);
  return `${lines.join('\n')}\n`;
}

/** `size` routes whose handler calls one big helper: expanding the helper's calls per route is quadratic. */
export function sharedHelper(size: number): string {
  const calls = Array.from({ length: size }, (_, i) => `  step${i % 50}(req);`).join('\n');
  const steps = Array.from({ length: 50 }, (_, i) => `function step${i}(req) { return req.query.a; }`).join('\n');
  const routes = Array.from({ length: size }, (_, i) => `app.get('/s${i}', (req, res) => { helper(req); res.json({}); });`).join('\n');
  return `${EXPRESS}${steps}\nfunction helper(req) {\n${calls}\n}\n${routes}\n`;
}

/**
 * A config object built from `size` sections (`conf.s0 = { … }`) and `size` routes that each verify with its options:
 * reading the sections again for every reference of the object is quadratic.
 */
export function configSections(size: number): string {
  const sections = Array.from({ length: size }, (_, i) => `conf.s${i} = { name: 'section ${i}', limit: ${i} };`).join('\n');
  const routes = Array.from({ length: size }, (_, i) => `app.get('/r${i}', (req, res) => res.json(jwt.verify(req.headers.authorization, process.env.PUBLIC_KEY, conf.jwt).sub));`).join('\n');
  return `${EXPRESS}const jwt = require('jsonwebtoken');
const conf = {};
conf.jwt = { algorithms: ['RS256'], issuer: 'https://id.example.com' };
${sections}
${routes}
`;
}

export const ADVERSARIAL_SHAPES: readonly AdversarialShape[] = [
  { name: 'a guard calling itself', threat: 'call-site fan-out', code: selfCallingGuard, fullSize: 160 },
  { name: 'helpers calling each other', threat: 'call-site fan-out', code: helperFanOut, fullSize: 400 },
  { name: 'routes behind their own prefixes', threat: 'quadratic prefix filtering', code: prefixedRoutes, fullSize: 8000 },
  { name: 'routers mounted under prefixes', threat: 'quadratic mounts', code: mountedRouters, fullSize: 2000 },
  { name: 'html = html + req.query.x', threat: 'quadratic variable reads', code: concatenation, fullSize: 20000 },
  { name: 'a backtracking use prefix', threat: 'exponential regular expression', code: backtrackingPrefix, fullSize: 40 },
  { name: 'an alias chain', threat: 'deep evaluation', code: aliasChain, fullSize: 5000 },
  { name: 'wildcard prefixes against routes', threat: 'quadratic pattern matching', code: wildcardPrefixes, fullSize: 3000 },
  { name: 'routes calling one big helper', threat: 'quadratic chain expansion', code: sharedHelper, fullSize: 8000 },
  { name: 'an allow-list and a ring of predicates', threat: 'unbounded recursion', code: allowListShapes, fullSize: 800 },
  { name: 'a config object of many sections', threat: 'quadratic constant reads', code: configSections, fullSize: 5000 },
];

/**
 * An authentication middleware opening with an allow-list of `size` paths joined by `||`, and `size` predicate
 * helpers that call each other in a ring: reading either must stop within its bound, not recurse without end.
 */
export function allowListShapes(size: number): string {
  const tests = Array.from({ length: size }, (_, i) => `req.path === '/open${i}'`).join(' || ');
  const ring = Array.from({ length: size }, (_, i) => `function isOpen${i}(req) { return isOpen${(i + 1) % size}(req); }`).join('\n');
  return `${EXPRESS}const jwt = require('jsonwebtoken');
${ring}
app.use((req, res, next) => {
  if (isOpen0(req)) return next();
  if (${tests}) return next();
  req.user = jwt.verify(req.headers.authorization, process.env.KEY, { algorithms: ['RS256'] });
  next();
});
app.get('/x', (req, res) => { if (req.user.role !== 'admin') return res.sendStatus(403); res.json({}); });
`;
}
