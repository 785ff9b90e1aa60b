/** A rule as listed in the bundled rule index written at packaging time. */
export interface RuleDoc {
  name: string;
  description: string;
  url: string;
}

/** The parts of an editor diagnostic that name a rule. */
export interface DiagnosticRef {
  source?: string;
  code?: string;
  href?: string;
}

const PREFIX = 'claimguard/';

/** Reads the rule index; a damaged index means no list to pick from, never an exception. */
export function parseRuleIndex(json: string): RuleDoc[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (rule): rule is RuleDoc =>
      typeof rule?.name === 'string' && typeof rule.description === 'string' && isDocUrl(rule.url),
  );
}

/**
 * Which rule documentation the "Open Rule Documentation" command should offer: the rule passed as an
 * argument, else the ClaimGuard rules reported at the cursor, else every rule. One candidate opens at
 * once; several are offered in a pick list.
 */
export function docCandidates(argument: unknown, atCursor: readonly DiagnosticRef[], rules: readonly RuleDoc[]): RuleDoc[] {
  if (typeof argument === 'string' && argument !== '') {
    const named = findRule(argument, rules);
    return named === undefined ? [] : [named];
  }
  const reported = new Map<string, RuleDoc>();
  for (const diagnostic of atCursor) {
    if (diagnostic.source !== 'claimguard' || typeof diagnostic.code !== 'string') continue;
    const rule = findRule(diagnostic.code, rules) ?? fromDiagnostic(diagnostic);
    if (rule !== undefined) reported.set(rule.name, rule);
  }
  return reported.size > 0 ? [...reported.values()] : [...rules];
}

function findRule(id: string, rules: readonly RuleDoc[]): RuleDoc | undefined {
  const name = id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
  return rules.find((rule) => rule.name === name);
}

/** A rule the index does not know (a newer server): its diagnostic still carries the doc link. */
function fromDiagnostic(diagnostic: DiagnosticRef): RuleDoc | undefined {
  if (!isDocUrl(diagnostic.href) || diagnostic.code === undefined) return undefined;
  const name = diagnostic.code.startsWith(PREFIX) ? diagnostic.code.slice(PREFIX.length) : diagnostic.code;
  return { name, description: '', url: diagnostic.href };
}

/** Only web documentation is opened, never a file or command link smuggled into an index or diagnostic. */
function isDocUrl(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith('https://');
}
