/**
 * Name vocabularies the analysis matches against: which names mean authorization, identity, privilege,
 * or a credential that is checked elsewhere. One home for every such list.
 */

/** Names that say what a caller may do: role, admin, permission, scope, group, privilege… */
const PRIVILEGE_NAME =
  /role|admin|permission|\bperms?\b|scope|group|privilege|superuser|staff|\bacl\b|entitle|authori[sz]|allowed|has_?access|can_?access|access_?level|\bis_?(manager|moderator|root|owner)\b/i;

/** Names that say who a caller is or whose data it is: tenant, owner, user id, subject. */
const IDENTITY_NAME = /tenant|owner|author[-_]?id|user[-_]?id|userid|\buid\b|\bsub\b|\borg[-_]?id\b|account[-_]?id/i;

/** String literals that, compared with a value, mean an access level. */
const AUTHORIZATION_LITERAL = /^(admin|administrator|superuser|super_?admin|root|owner|staff|manager|moderator|editor|internal|privileged)$/i;

/** Filter keys that scope data to an identity or tenant. */
const IDENTITY_KEY =
  /^(tenant|org|organi[sz]ation|account|owner|user|customer|company|workspace|team|created_?by|author|member)_?id$|^(tenant|owner|org|organi[sz]ation|user|account|customer|workspace|created_?by|author)$/i;

/** Column names in SQL text that scope data to an identity or tenant. */
const IDENTITY_COLUMN = /\b(tenant|org|organi[sz]ation|account|owner|user|customer|company|workspace|team)_?id\b|\bowner\b|\bcreated_by\b/i;

/** Fields that grant privileges when written. */
const PRIVILEGE_FIELD =
  /^(roles?|is_?admin|admin|permissions?|scopes?|privileges?|is_?super_?user|super_?user|is_?staff|access_?level|user_?type|groups|is_?root|is_?owner|account_?type|tier)$/i;

/**
 * Headers, cookies and query keys that carry a caller's token or session id: verified or looked up by the server,
 * never an authorization value themselves.
 */
const HOLDER_CREDENTIAL_NAME =
  /^(authorization|proxy-authorization|x-access-token|access_token|access-token|token|x-token|id_token|refresh_token|jwt|x-jwt|x-auth-token|auth-token|auth_token|session|sessionid|session_id|sid|connect\.sid)$/i;
/** Other credentials: API keys and whole cookie headers. */
const OTHER_CREDENTIAL_NAME = /^(x-api-key|api-key|apikey|api_key|cookie|x-amz-security-token)$/i;

/** CSRF and webhook-signature values are compared for integrity, not to decide who may act. */
const INTEGRITY_NAME = /csrf|xsrf|signature|hmac|x-hub-|webhook|digest|x-slack-request-timestamp/i;

/** Functions whose call is an authorization decision about their (first) argument. */
const AUTHORIZATION_FUNCTIONS = new Set([
  'hasRole',
  'hasAnyRole',
  'hasRoles',
  'hasPermission',
  'hasPermissions',
  'hasAnyPermission',
  'hasScope',
  'hasScopes',
  'checkRole',
  'checkRoles',
  'checkPermission',
  'checkPermissions',
  'checkAccess',
  'authorize',
  'isAuthorized',
  'isAllowed',
  'can',
  'cannot',
  'enforce',
  'enforceSync',
  'permit',
  'requireRole',
  'requirePermission',
]);

/** A name that says privilege (role, admin, scope…): a test of it decides access even without a deny branch. */
export function isPrivilegeName(name: string): boolean {
  return PRIVILEGE_NAME.test(name);
}

/** A name that says privilege or identity: an argument so named to an authorization API is the subject. */
export function isAuthorizationName(name: string): boolean {
  return PRIVILEGE_NAME.test(name) || IDENTITY_NAME.test(name);
}

export function isAuthorizationLiteral(value: string): boolean {
  return AUTHORIZATION_LITERAL.test(value);
}

export function isIdentityKey(name: string): boolean {
  return IDENTITY_KEY.test(name);
}

/** A member that holds who someone is (`id`, `sub`, `userId`, `email`), not their record (`user`, `session`). */
const SUBJECT_NAME = /^(?:id|sub|email|username)$|Id$/;

export function namesSubject(name: string): boolean {
  return SUBJECT_NAME.test(name);
}

/**
 * A model field that says whose record it is: an owner, author, user, account, tenant or organisation id, or the
 * relation named like one (`owner`, `author`). A model with one has owned records (DESIGN.md, "Owned records").
 */
export function isOwnerField(name: string): boolean {
  return IDENTITY_KEY.test(name);
}

/** Functions and methods that, by their name, verify a token (`verifyToken`, `verifyAccessToken`, `jwtVerify`). */
const TOKEN_VERIFIER = /^(verify(Token|Jwt|JWT|Access|Bearer|IdToken|Session|Auth)\w*|validate(Token|Jwt|JWT|Access|Bearer)\w*|\w*(Token|Jwt|JWT)Verif\w*|jwtVerify|decodeAndVerify\w*)$/;

export function isTokenVerifierName(name: string): boolean {
  return TOKEN_VERIFIER.test(name);
}

/** Strategy and scheme names that say a token is verified (`jwt`, `jwt-refresh`, `bearer`), as `authenticate('jwt')` names them. */
const TOKEN_STRATEGY = /jwt|bearer/i;

export function isTokenStrategyName(name: string): boolean {
  return TOKEN_STRATEGY.test(name);
}

/** Words of a middleware's name that say it authenticates (`gatewayAuth`, `requireJwt`, `oidc_protect`); `ThrottlerGuard` or `csrfToken` do not. */
const AUTHENTICATION_WORDS = new Set(['auth', 'authn', 'authenticate', 'authenticated', 'authentication', 'jwt', 'bearer', 'protect', 'protected', 'oauth', 'oidc', 'sso']);

/** A name whose words (camelCase, snake_case or kebab-case) say authentication; `author`, `authorRoutes` do not. */
export function readsAsAuthentication(name: string): boolean {
  return wordsOf(name).some((word) => AUTHENTICATION_WORDS.has(word));
}

/** Names repeat across comparisons and files; splitting each once keeps the word checks off the profile. */
const wordCache = new Map<string, string[]>();
const WORD_CACHE_LIMIT = 5000;

/** `verifyJWTToken` → `['verify', 'jwt', 'token']`: the lower-case words of a camelCase, snake_case or kebab-case name. */
export function wordsOf(name: string): string[] {
  const cached = wordCache.get(name);
  if (cached) return cached;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(name, words);
  return words;
}

const VALIDATING_METHOD = /^(parse|parseAsync|validateSync|cast)$/;

export function isValidatingMethod(name: string): boolean {
  return VALIDATING_METHOD.test(name);
}

/** zod's and valibot's non-throwing parse: its result's `data` is the parsed value. */
const SAFE_PARSING_METHOD = /^(safeParse|safeParseAsync|spa)$/;

export function isSafeParsingMethod(name: string): boolean {
  return SAFE_PARSING_METHOD.test(name);
}

export function mentionsIdentityColumn(sql: string): boolean {
  return IDENTITY_COLUMN.test(sql);
}

export function isPrivilegeField(name: string): boolean {
  return PRIVILEGE_FIELD.test(name);
}

/** True for names of values that are credentials or integrity checks rather than authorization values. */
export function isCredentialOrIntegrityName(name: string): boolean {
  const last = name.split('.').pop() ?? name;
  return HOLDER_CREDENTIAL_NAME.test(last) || OTHER_CREDENTIAL_NAME.test(last) || INTEGRITY_NAME.test(name);
}

/**
 * Names a client's object of record fields goes by: GraphQL's `input`, `data`, `patch`, or the record's own name in
 * a body (`req.body.user`, Rails style). One level below the container only: `req.body.user.name` is a field.
 */
const FIELDS_OBJECT_NAME = /^(input|data|attributes|fields|values|changes|patch|updates?|user|account|profile|member)$/i;

export function isFieldsObjectName(name: string | undefined): boolean {
  return name !== undefined && !name.includes('.') && FIELDS_OBJECT_NAME.test(name);
}

/** Headers the browser sets to say where a request comes from: a check on them refuses cross-site requests (CSRF). */
const REQUEST_SITE_HEADER = /^(origin|referer|referrer|sec-fetch-site|sec-fetch-mode|sec-fetch-dest)$/i;

export function isRequestSiteHeader(name: string): boolean {
  return REQUEST_SITE_HEADER.test(name);
}

/**
 * True for names of a token or session id that stands for whoever holds it (`authorization`, `token`, `sid`): what
 * the server keeps under it is that holder's. API keys are not among them (see no-api-key-auth).
 */
export function isHolderCredentialName(name: string): boolean {
  return HOLDER_CREDENTIAL_NAME.test(name.split('.').pop() ?? name);
}

/** `name` is the callee's last segment (`can`), `path` its dotted form (`policy.allows`) when it has one. */
export function isAuthorizationFunction(name: string, path: string | undefined, extra: readonly string[]): boolean {
  return AUTHORIZATION_FUNCTIONS.has(name) || extra.includes(name) || (path !== undefined && extra.includes(path));
}

/** The claim a fix should read for a value named `name` (header 'x-user-id' → `sub`), or undefined when no claim means the same. */
export function claimFor(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const plain = name.split('.').pop()!.replace(/^x-/i, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/tenant/.test(plain)) return 'tenant_id';
  if (/^org|organi[sz]ation/.test(plain)) return 'org_id';
  if (/permission|^perms?$/.test(plain)) return 'permissions';
  if (/scope/.test(plain)) return 'scope';
  if (/group/.test(plain)) return 'groups';
  if (/roles$/.test(plain)) return 'roles';
  if (/role|admin|superuser|staff|privilege|accesslevel/.test(plain)) return 'role';
  if (/user|^uid$|^sub$|account|caller|owner|customer|member/.test(plain)) return 'sub';
  return undefined;
}

// Secrets by name

const SECRET_WORDS = new Set(['secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'token', 'signature', 'sig', 'hmac', 'digest', 'apikey', 'otp', 'credential', 'credentials']);
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'signing', 'secret', 'auth', 'client', 'master', 'webhook', 'session']);
/** A last word that makes a secret-sounding name ordinary metadata (`tokenType`, `secretName`, `passwordLength`). */
const METADATA_WORDS = new Set([
  'type', 'types', 'kind', 'name', 'names', 'id', 'ids', 'length', 'len', 'count', 'size', 'format', 'status', 'prefix',
  'suffix', 'field', 'header', 'param', 'url', 'uri', 'path', 'version', 'expiry', 'expires', 'exp', 'ttl', 'at', 'time',
  'date', 'enabled', 'required', 'valid', 'present', 'exists', 'missing', 'scheme', 'endpoint', 'label', 'hint', 'policy',
  'strength', 'algorithm', 'alg', 'source', 'location', 'index', 'idx', 'position', 'pos', 'mode', 'state', 'provider',
  'key', 'keys', 'store', 'service', 'manager', 'option', 'options', 'config', 'env', 'line', 'start', 'end',
]);
/** Words that mark a value as not secret at all: paging cursors, lexer tokens, form confirmations. */
export const NON_SECRET_WORDS = new Set(['page', 'next', 'cursor', 'continuation', 'cancellation', 'sync', 'lexer', 'confirm', 'confirmation', 'repeat', 'retype', 'new', 'placeholder']);

/** A name that says its value is a secret: a password, a signing key, a token, an HMAC digest. */
export function isSecretName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || words.some((word) => NON_SECRET_WORDS.has(word))) return false;
  const last = words[words.length - 1];
  const keyed = last === 'key' && words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]);
  if (keyed) return true;
  if (METADATA_WORDS.has(last)) return false;
  return words.some((word) => SECRET_WORDS.has(word));
}

/** Answers to a challenge the server set: like a secret, the caller proves it knows them. */
const CHALLENGE_WORDS = new Set(['answer', 'captcha', 'passcode', 'pin']);

/** A value a caller proves it knows (a password, a one-time code, a captcha answer), rather than a claim about who it is. */
export function isKnowledgeName(name: string): boolean {
  return isSecretName(name) || wordsOf(name).some((word) => CHALLENGE_WORDS.has(word));
}
