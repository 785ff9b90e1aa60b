/**
 * The shape of a generated handler file, before it becomes text. Indices (`which`, `alias`, `helper`…) are
 * free natural numbers that the renderer reduces modulo what exists, so every generated value renders to
 * valid code and shrinking any number keeps the program valid.
 */

export type Expr =
  | { kind: 'untrusted'; which: number; key: number }
  | { kind: 'verified'; which: number; claim: number }
  | { kind: 'alias'; alias: number }
  | { kind: 'literal'; value: number }
  | { kind: 'member'; inner: Expr; key: number; style: 'dot' | 'optional' | 'computed' }
  | { kind: 'helper'; helper: number; argument: Expr }
  | { kind: 'fallback'; left: Expr; right: Expr; operator: '??' | '||' }
  | { kind: 'template'; inner: Expr }
  | { kind: 'string'; inner: Expr; method: 'toLowerCase' | 'trim' | 'String' | 'Number' }
  | { kind: 'cast'; inner: Expr; style: 'as' | 'nonNull' };

export type Condition =
  | { kind: 'compare'; left: Expr; operator: '===' | '!==' | '==' | '!='; right: Expr | number }
  | { kind: 'includes'; list: number; value: Expr }
  | { kind: 'startsWith'; value: Expr }
  | { kind: 'truthy'; value: Expr }
  | { kind: 'not'; inner: Condition }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'authorizationCall'; style: number; value: Expr };

export type Statement =
  | { kind: 'if'; test: Condition; then: Statement[]; otherwise: Statement[] | undefined }
  | { kind: 'deny'; which: number }
  | { kind: 'allow'; which: number }
  | { kind: 'guard'; test: Condition; which: number }
  | { kind: 'switch'; value: Expr; cases: number[]; denyDefault: boolean }
  | { kind: 'ternary'; test: Condition }
  | { kind: 'scopedQuery'; value: Expr; column: number }
  | { kind: 'privilegeWrite'; value: Expr; field: number; style: 'data' | 'assign' | 'spread' }
  | { kind: 'reassign'; alias: number; value: Expr }
  | { kind: 'block'; body: Statement[] }
  | { kind: 'try'; body: Statement[]; denyInCatch: boolean }
  | { kind: 'log'; value: Expr };

export type Declaration =
  | { kind: 'alias'; value: Expr; mutable: boolean }
  | { kind: 'destructure'; container: number; key: number; withDefault: boolean; withRest: boolean }
  | { kind: 'spread'; container: number; key: number }
  | { kind: 'computedKey'; container: number; key: number }
  | { kind: 'getter'; value: Expr }
  | { kind: 'arrayPattern'; value: Expr }
  | { kind: 'awaited'; value: Expr }
  /** `jwt.verify(token, secret, options)`: feeds the verification rules, and gives a verified alias. */
  | { kind: 'verify'; secret: number; options: number };

export type Helper =
  | { kind: 'identity' }
  | { kind: 'predicate'; literal: number }
  | { kind: 'normalise' }
  /** Calls another helper while a counter lasts: mutual recursion between helpers. */
  | { kind: 'recursive'; callee: number };

export interface Handler {
  method: number;
  route: number;
  declarations: Declaration[];
  body: Statement[];
}

export interface GeneratedFile {
  framework: number;
  helpers: Helper[];
  handlers: Handler[];
  /** Index into the settings variants; 0 means no `settings.claimguard`. */
  settings: number;
}

/** Keys requests are read with: authorization names, harmless ones, and names that live on Object.prototype. */
export const KEYS = [
  'x-role',
  'role',
  'userId',
  'x-user-id',
  'tenantId',
  'x-tenant-id',
  'admin',
  'isAdmin',
  'page',
  'lang',
  'id',
  'permissions',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'x-api-key',
  'authorization',
];

export const CLAIMS = ['sub', 'role', 'roles', 'tenant_id', 'permissions', 'scope', 'org_id', '__proto__', 'constructor'];
export const LITERALS = ['admin', 'owner', 'viewer', 'superuser', 'en', 'desc', '1', 'constructor', '__proto__'];
export const SECRETS = ["'secret'", 'process.env.JWT_SECRET!', "'k3y-that-is-long-enough-to-pass-any-length-check-0123456789'", 'publicKey'];
export const VERIFY_OPTIONS = [
  '',
  ', {}',
  ", { algorithms: ['HS256'] }",
  ", { algorithms: ['none', 'HS256'] }",
  ", { algorithms: ['RS256'], issuer: 'https://issuer.example.com/', audience: 'api', maxAge: '1h' }",
  ', { ignoreExpiration: true }',
];
export const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
export const ROUTES = ['/users/:id', '/tenants/:tenantId/reports', '/admin', '/items', '/orgs/:orgId/members/:userId'];
export const IDENTITY_COLUMNS = ['tenantId', 'ownerId', 'userId', 'orgId', 'status'];
export const PRIVILEGE_FIELDS = ['role', 'isAdmin', 'permissions', 'scopes', 'nickname'];

/** Valid `settings.claimguard` blocks the fuzzer rotates through. */
export const SETTINGS_VARIANTS: readonly (Record<string, unknown> | undefined)[] = [
  undefined,
  { claimguard: { trustedHeaders: ['x-role'], authorizationFunctions: ['checkAccess'] } },
  { claimguard: { sources: { 'req.session.tenant': 'cookie' }, verifiedClaims: ['req.session.claims'], claimsPath: 'req.auth.payload' } },
  // An own `__proto__` key, as a JSON settings file would give it (a literal `__proto__:` would set the prototype).
  { claimguard: { requestNames: ['incoming', 'constructor'], sources: JSON.parse('{"constructor":"header","__proto__":"query","toString":"body"}') as unknown } },
];
