/**
 * Hostile and extreme inputs, generated at run time (nothing big is committed): a 50,000-line file with
 * planted findings, deeply nested expressions and blocks, syntax-broken variants of a file, and binary bytes.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same bytes on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** A finding the big file must report, where it must report it. */
export interface PlantedFinding {
  line: number;
  column: number;
  ruleId: string;
  /** The origin the message must name, e.g. `header 'x-role-17'`. */
  origin: string;
}

export interface BigFile {
  code: string;
  lines: number;
  planted: PlantedFinding[];
}

const BIG_FILE_HEADER = [
  "import express from 'express';",
  "import { auth } from 'express-oauth2-jwt-bearer';",
  'const app = express();',
  "app.use(auth({ audience: 'https://api.example.com', issuerBaseURL: 'https://issuer.example.com/', tokenSigningAlg: 'RS256' }));",
];

/** Six-line route blocks that are fine: paging from the query, and a role check on the verified token. */
function benignBlock(n: number): string[] {
  return n % 2 === 0
    ? [
        `app.get('/items/${n}', async (req, res) => {`,
        '  const page = Number(req.query.page ?? 1);',
        '  const items = await db.items.findMany({ skip: page * 10, take: 10 });',
        '  res.json(items);',
        '});',
        `function format${n}(value: number): string { return value.toFixed(2); }`,
      ]
    : [
        `app.delete('/items/${n}', async (req, res) => {`,
        "  if (req.auth?.payload.role !== 'admin') return res.sendStatus(403);",
        '  await db.items.delete({ where: { id: Number(req.params.id) } });',
        '  res.sendStatus(204);',
        '});',
        `const limit${n} = ${n} % 100;`,
      ];
}

/** A six-line block whose second line decides access on a header only this block reads. */
function plantedBlock(n: number): string[] {
  return [
    `app.post('/admin/${n}', async (req, res) => {`,
    `  if (req.headers['x-role-${n}'] !== 'admin') return res.sendStatus(403);`,
    '  await db.settings.update({ data: { value: 1 } });',
    '  res.sendStatus(204);',
    '});',
    `const planted${n} = ${n};`,
  ];
}

/**
 * A file of `lines` lines (at least), made of six-line route blocks; every `plantEvery`-th block carries an
 * untrusted authorization decision whose position is recorded.
 */
export function bigFile(lines: number, plantEvery = 1000): BigFile {
  const out = [...BIG_FILE_HEADER];
  const planted: PlantedFinding[] = [];
  for (let n = 0; out.length < lines; n++) {
    if (n % plantEvery === plantEvery - 1) {
      planted.push({ line: out.length + 2, column: 7, ruleId: 'claimguard/no-untrusted-authorization', origin: `header 'x-role-${n}'` });
      out.push(...plantedBlock(n));
    } else {
      out.push(...benignBlock(n));
    }
  }
  return { code: `${out.join('\n')}\n`, lines: out.length, planted };
}

/** Shapes of deep nesting: each wraps an untrusted role check `depth` levels down. */
export type NestingKind = 'parentheses' | 'binary' | 'logical' | 'ternary' | 'member' | 'call' | 'array' | 'object' | 'blocks' | 'ifs' | 'functions';

export const NESTING_KINDS: readonly NestingKind[] = ['parentheses', 'binary', 'logical', 'ternary', 'member', 'call', 'array', 'object', 'blocks', 'ifs', 'functions'];

const ROLE = "req.headers['x-role']";
const DENY = 'return res.sendStatus(403);';

/** A one-route file whose check is nested `depth` levels deep in the given way. */
export function nestedFile(kind: NestingKind, depth: number): string {
  return `app.get('/deep', (req, res) => {\n${nestedBody(kind, depth)}\n});\n`;
}

function nestedBody(kind: NestingKind, depth: number): string {
  switch (kind) {
    case 'parentheses':
      return `if (${'('.repeat(depth)}${ROLE}${')'.repeat(depth)} !== 'admin') ${DENY}`;
    case 'binary':
      // Left-nested: ((role + '') + '') …, the shape string building produces.
      return `if (${ROLE}${" + ''".repeat(depth)} !== 'admin') ${DENY}`;
    case 'logical':
      return `if (${`${ROLE} !== 'admin' && `.repeat(depth)}true) ${DENY}`;
    case 'ternary':
      return `const role = ${'req.query.a ? 1 : '.repeat(depth)}${ROLE};\nif (role !== 'admin') ${DENY}`;
    case 'member':
      return `if (${ROLE}${'.x'.repeat(depth)} !== 'admin') ${DENY}`;
    case 'call':
      return `if (${'f('.repeat(depth)}${ROLE}${')'.repeat(depth)} !== 'admin') ${DENY}`;
    case 'array':
      return `const roles = ${'['.repeat(depth)}${ROLE}${']'.repeat(depth)};\nif (roles.flat(Infinity)[0] !== 'admin') ${DENY}`;
    case 'object':
      return `const holder = ${'{ a: '.repeat(depth)}${ROLE}${' }'.repeat(depth)};\nif (holder${'.a'.repeat(depth)} !== 'admin') ${DENY}`;
    case 'blocks':
      return `${'{ '.repeat(depth)}if (${ROLE} !== 'admin') ${DENY}${' }'.repeat(depth)}`;
    case 'ifs':
      return `${'if (req.query.a) { '.repeat(depth)}if (${ROLE} !== 'admin') ${DENY}${' }'.repeat(depth)}`;
    case 'functions':
      return `${'(() => { '.repeat(depth)}if (${ROLE} !== 'admin') ${DENY}${' })();'.repeat(depth)}`;
  }
}

/** Kinds where the check stays a plain `if` on the header, so the finding survives any depth. */
export const LOCAL_CHECK_KINDS: ReadonlySet<NestingKind> = new Set(['blocks', 'ifs', 'functions', 'logical']);

/**
 * Broken variants of a valid file: every `stride`-th prefix (files cut off mid-edit), and stray tokens
 * inserted at evenly spread positions (unbalanced brackets, open strings and comments, decorators).
 */
export function syntaxBreaks(code: string, stride: number): { name: string; code: string }[] {
  const variants: { name: string; code: string }[] = [];
  for (let end = stride; end < code.length; end += stride) variants.push({ name: `cut at ${end}`, code: code.slice(0, end) });
  const strays = ['{', ')', "'", '`', '/*', '<', '@', '=>', '?.', '#', '\\u{', '${'];
  strays.forEach((stray, i) => {
    for (let k = 1; k <= 4; k++) {
      const at = Math.floor(((k * 2 + (i % 2)) * code.length) / 10);
      variants.push({ name: `'${stray}' at ${at}`, code: `${code.slice(0, at)}${stray}${code.slice(at)}` });
    }
  });
  return variants;
}
