import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getCredentialFacts } from '../analysis/credentials';
import type { CheckName, HeaderProblem, OptionInsertion, Verification, VerificationProblem } from '../analysis/credentials';
import { createRule } from '../util/create-rule';
import { noteEnabledRule } from '../util/enabled-rules';
import { singleQuoted } from '../util/fix-text';
import { reportFinding } from '../util/report';

export type Options = [
  {
    requireAlgorithms?: boolean;
    requireIssuer?: boolean;
    requireAudience?: boolean;
    requireExpiry?: boolean;
    requireCredentials?: boolean;
    maxClockToleranceSeconds?: number;
    reportUnresolved?: boolean;
  },
];

export type MessageIds =
  | 'missingAlgorithms'
  | 'noneAlgorithm'
  | 'acceptsNoneAlgorithm'
  | 'algorithmFromToken'
  | 'keyFromToken'
  | 'publicKeyAsHmacSecret'
  | 'unexpiringToken'
  | 'mixedAlgorithms'
  | 'missingIssuer'
  | 'missingAudience'
  | 'missingChecks'
  | 'uncheckable'
  | 'disabledCheck'
  | 'optionalCredentials'
  | 'excessiveClockTolerance'
  | 'unresolvedOptions'
  | 'placeholderOption'
  | 'suggestAddOption'
  | 'suggestAddPlaceholders';

const RULE_NAME = 'require-jwt-validation';

/**
 * Placeholders a suggestion writes where the file determines no real value: obviously unfinished, so verification
 * fails until someone fills them in, and the analysis reports them as placeholders, never as pinned.
 */
const PLACEHOLDERS: Partial<Record<CheckName, string>> = {
  algorithms: "['TODO: allowed algorithm, e.g. RS256']",
  issuer: "'TODO: expected issuer'",
  audience: "'TODO: expected audience'",
};

const CHECK_OPTION: Record<CheckName, keyof Options[0]> = {
  algorithms: 'requireAlgorithms',
  issuer: 'requireIssuer',
  audience: 'requireAudience',
  expiry: 'requireExpiry',
  credentials: 'requireCredentials',
};

/** What a token that passes may be when a check cannot be made. */
const UNCHECKED_CONSEQUENCE: Record<CheckName, string> = {
  algorithms: 'they name another algorithm',
  issuer: 'another issuer minted them',
  audience: 'they were minted for another API',
  expiry: 'they have expired',
  credentials: 'there are none',
};

const CHECK_WORDS: Record<CheckName, string> = {
  algorithms: 'the algorithm',
  issuer: 'the issuer',
  audience: 'the audience',
  expiry: 'expiry',
  credentials: 'credentials',
};

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Require JWT verification to pin algorithms, issuer, audience and expiry.',
      recommended: true,
      blocksLevel: 3,
    },
    hasSuggestions: true,
    messages: {
      missingAlgorithms:
        '{{library}} verification accepts whichever algorithm the token names; pin `{{option}}` to the algorithms your issuer signs with (Level 3).',
      noneAlgorithm:
        "{{library}} verification allows the 'none' algorithm, so unsigned tokens pass; remove it from `{{option}}` (Level 3).",
      acceptsNoneAlgorithm:
        "This branch accepts tokens whose header says `alg: 'none'`, so unsigned tokens pass; reject them and verify with a pinned algorithm (Level 3).",
      algorithmFromToken:
        "The verification algorithm comes from the token's own header (`{{field}}`), so the caller picks it ('none', or HS256 with your public key as the secret); pin the algorithms your issuer signs with (Level 3).",
      keyFromToken:
        "The verification key comes from the token's own header (`{{field}}`), so anyone can sign a token with a key of their own; use keys from a configured issuer or key set (Level 3).",
      unexpiringToken:
        '{{library}} signs this token with no expiry, so a leaked token is valid forever; set `{{option}}` (Level 3).',
      publicKeyAsHmacSecret:
        '{{library}} verification uses a public key as the HMAC secret of `{{option}}`, so anyone who has the public key can sign tokens; verify with the public-key algorithm it belongs to (Level 3).',
      mixedAlgorithms:
        '{{library}} verification mixes HMAC and public-key algorithms ({{algorithms}}), so a public key can serve as an HMAC secret to forge tokens; allow one family (Level 3).',
      missingIssuer:
        '{{library}} verification does not check the issuer, so tokens from any issuer that shares the key pass; set `{{option}}` (Level 3).',
      missingAudience:
        '{{library}} verification does not check the audience, so tokens minted for other APIs pass; set `{{option}}` (Level 3).',
      missingChecks:
        '{{library}} verification does not check {{checks}}, so forged or misdirected tokens can pass; set {{options}} (Level 3).',
      uncheckable:
        "{{library}} cannot check {{checks}}, so tokens signed with the key pass even when {{consequences}}; verify with a library that checks them (e.g. jose's `jwtVerify` with `issuer` and `audience`) (Level 3).",
      disabledCheck: '`{{option}}` switches off the {{check}} check of {{library}} verification; remove it (Level 3).',
      optionalCredentials:
        '`{{option}}` lets requests without a token through {{library}}; require a token and allow-list public routes instead (Level 3).',
      excessiveClockTolerance:
        'A clock tolerance of {{seconds}} seconds keeps expired tokens valid that long; allow at most {{max}} seconds (Level 3).',
      unresolvedOptions:
        '{{library}} verification options cannot be resolved in this file or the project modules they come from, so {{checks}} cannot be confirmed; pass them where they can be read (Level 3).',
      placeholderOption:
        "`{{option}}` holds the placeholder '{{value}}', so {{library}} verification does not check {{check}} yet; set the real value (Level 3).",
      suggestAddOption: 'Add {{option}} ({{reason}}).',
      suggestAddPlaceholders: 'Add {{option}} with placeholders to fill in; it stays reported until they hold real values.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireAlgorithms: { type: 'boolean', description: "Require an algorithm allow-list without 'none' or mixed families." },
          requireIssuer: { type: 'boolean', description: 'Require an issuer check.' },
          requireAudience: { type: 'boolean', description: 'Require an audience check (teams with self-issued tokens may turn this off).' },
          requireExpiry: { type: 'boolean', description: 'Report options that switch off expiry checks.' },
          requireCredentials: { type: 'boolean', description: 'Report middleware options that let requests without a token through.' },
          maxClockToleranceSeconds: { type: 'number', minimum: 0, description: 'The largest clock tolerance allowed, in seconds.' },
          reportUnresolved: {
            type: 'boolean',
            description: 'Also report verification whose options cannot be resolved in the project (spreads of unknown objects, parameters, values computed at run time).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        requireAlgorithms: true,
        requireIssuer: true,
        requireAudience: true,
        requireExpiry: true,
        requireCredentials: true,
        maxClockToleranceSeconds: 300,
        reportUnresolved: false,
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();
    const enabled = (check: CheckName) => options[CHECK_OPTION[check]] !== false;
    // What the grade holds against a verification is reported here only for the checks these options ask for.
    noteEnabledRule(sourceCode, RULE_NAME, (fact) => {
      const unresolved = (fact.unresolved ?? []).filter(enabled);
      return (fact.checks ?? []).every(enabled) && (unresolved.length === 0 || options.reportUnresolved === true);
    });

    function report(descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }): void {
      const key = `${descriptor.node.range.join(':')}:${descriptor.messageId}:${JSON.stringify(descriptor.data ?? {})}`;
      if (reported.has(key)) return;
      reported.add(key);
      reportFinding(context, descriptor);
    }

    function reportProblem(verification: Verification, problem: VerificationProblem): void {
      const data = { library: verification.library, option: problem.option, check: problem.check === 'algorithms' ? 'algorithm' : problem.check };
      const node = problem.node;
      switch (problem.kind) {
        case 'none-algorithm':
          report({ node, messageId: 'noneAlgorithm', data });
          break;
        case 'public-key-as-hmac':
          report({ node, messageId: 'publicKeyAsHmacSecret', data });
          break;
        case 'mixed-algorithms':
          report({ node, messageId: 'mixedAlgorithms', data: { ...data, algorithms: (problem.algorithms ?? []).join(', ') } });
          break;
        case 'disabled':
          report({ node, messageId: problem.check === 'credentials' ? 'optionalCredentials' : 'disabledCheck', data });
          break;
        case 'placeholder':
          report({ node, messageId: 'placeholderOption', data: { ...data, check: CHECK_WORDS[problem.check], value: problem.value ?? '' } });
          break;
        default:
          break;
      }
    }

    /** Absent options on one node become one report, so a bare `verify(token, key)` is one finding, not three. */
    function reportMissing(verification: Verification, missing: readonly VerificationProblem[]): void {
      const byNode = new Map<TSESTree.Node, VerificationProblem[]>();
      for (const problem of missing) byNode.set(problem.node, [...(byNode.get(problem.node) ?? []), problem]);
      for (const [node, problems] of byNode) {
        const suggest = suggestion(verification, problems);
        const options = problems.map((problem) => `\`${problem.option}\``).join(', ');
        if (problems.length === 1) {
          const data = { library: verification.library, option: problems[0].option };
          report({ node, messageId: missingMessage(problems[0].check), data, suggest });
        } else {
          const data = { library: verification.library, checks: listWords(problems.map((problem) => CHECK_WORDS[problem.check])), options };
          report({ node, messageId: 'missingChecks', data, suggest });
        }
      }
    }

    /** Hand-written verification that lets the token's header decide how it is checked. */
    function checkHeaderProblem(problem: HeaderProblem): void {
      if (problem.kind !== 'key-from-token' && !enabled('algorithms')) return;
      const messageId = problem.kind === 'accepts-none' ? 'acceptsNoneAlgorithm' : problem.kind === 'algorithm-from-token' ? 'algorithmFromToken' : 'keyFromToken';
      report({ node: problem.node, messageId, data: { field: problem.field } });
    }

    function checkVerification(verification: Verification): void {
      const problems = verification.problems.filter((problem) => enabled(problem.check));
      reportMissing(verification, problems.filter((problem) => problem.kind === 'missing'));
      const uncheckable = problems.filter((problem) => problem.kind === 'unsupported');
      if (uncheckable.length > 0) {
        const checks = listWords(uncheckable.map((problem) => CHECK_WORDS[problem.check]));
        const consequences = listWords(uncheckable.map((problem) => UNCHECKED_CONSEQUENCE[problem.check]));
        report({ node: verification.node, messageId: 'uncheckable', data: { library: verification.library, checks, consequences } });
      }
      for (const problem of problems) reportProblem(verification, problem);
      const unresolved = verification.unknown.filter(enabled);
      if (options.reportUnresolved && unresolved.length > 0) {
        report({ node: verification.node, messageId: 'unresolvedOptions', data: { library: verification.library, checks: unresolved.join(', ') } });
      }
      const tolerance = verification.clockTolerance;
      const max = options.maxClockToleranceSeconds ?? 300;
      if (enabled('expiry') && tolerance && tolerance.seconds > max) {
        report({ node: tolerance.node, messageId: 'excessiveClockTolerance', data: { seconds: tolerance.seconds, max } });
      }
    }

    return {
      Program() {
        const facts = getCredentialFacts(sourceCode, context.settings, context.filename);
        for (const verification of facts.verifications) checkVerification(verification);
        for (const problem of facts.headerProblems) checkHeaderProblem(problem);
        if (enabled('expiry')) {
          for (const problem of facts.issuance) {
            if (problem.kind === 'no-expiry') report({ node: problem.node, messageId: 'unexpiringToken', data: { library: problem.library, option: problem.name } });
          }
        }
      },
    };
  },
});

function missingMessage(check: CheckName): MessageIds {
  if (check === 'issuer') return 'missingIssuer';
  if (check === 'audience') return 'missingAudience';
  return 'missingAlgorithms';
}

function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** One option a suggestion writes: where, and the value's source text. */
interface OptionText {
  path: readonly string[];
  value: string;
}

/** Options still to create, merged into one text: `verify: { allowedIss: 'TODO…', allowedAud: 'TODO…' }`. */
function optionsText(options: readonly OptionText[]): string {
  const heads = [...new Set(options.map((option) => option.path[0]))];
  return heads
    .map((head) => {
      const mine = options.filter((option) => option.path[0] === head);
      const nested = mine.filter((option) => option.path.length > 1).map((option) => ({ ...option, path: option.path.slice(1) }));
      return nested.length > 0 ? `${head}: { ${optionsText(nested)} }` : `${head}: ${mine[0]!.value}`;
    })
    .join(', ');
}

/** The value the file determines for a check (see `Determined` in the credential facts), as source text. */
function determinedValue(verification: Verification, check: CheckName): string | undefined {
  const determined = verification.determined;
  if (check === 'algorithms') return determined.algorithms ? `[${determined.algorithms.map(singleQuoted).join(', ')}]` : undefined;
  if (check === 'issuer') return determined.issuer === undefined ? undefined : singleQuoted(determined.issuer);
  if (check === 'audience') return determined.audience === undefined ? undefined : singleQuoted(determined.audience);
  return undefined;
}

function sameTarget(a: OptionInsertion, b: OptionInsertion): boolean {
  if (a.at === 'object' && b.at === 'object') return a.object === b.object;
  return a.at === 'argument' && b.at === 'argument' && a.call === b.call && a.index === b.index;
}

/**
 * One suggestion adding every missing option, when they all go to the same place: real values where the file
 * determines them, placeholders otherwise (which keep the finding until someone fills them in).
 */
function suggestion(verification: Verification, problems: readonly VerificationProblem[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] | undefined {
  const insertions = problems.map((problem) => problem.insertion);
  const first = insertions[0];
  if (!first || insertions.some((insertion) => !insertion || !sameTarget(first, insertion))) return undefined;
  const options = problems.map((problem, i) => {
    const value = determinedValue(verification, problem.check);
    return { path: insertions[i]!.path, value: value ?? PLACEHOLDERS[problem.check] ?? "'TODO'", real: value !== undefined };
  });
  const fix = insertionFix(first, optionsText(options));
  if (!fix) return undefined;
  const option = options.map((entry) => `\`${entry.path.join('.')}: ${entry.value}\``).join(', ');
  if (options.every((entry) => entry.real)) {
    return [{ messageId: 'suggestAddOption', data: { option, reason: reasonFor(verification, problems) }, fix }];
  }
  return [{ messageId: 'suggestAddPlaceholders', data: { option: problems.map((problem) => `\`${problem.option}\``).join(', ') }, fix }];
}

/** Where the real values come from, as the suggestion says it. */
function reasonFor(verification: Verification, problems: readonly VerificationProblem[]): string {
  const reasons = problems.map((problem) =>
    problem.check === 'algorithms' ? (verification.determined.algorithmsFrom ?? 'what the file uses') : `the ${CHECK_WORDS[problem.check].replace(/^the /, '')} this file uses`,
  );
  return [...new Set(reasons)].join('; ');
}

function insertionFix(insertion: OptionInsertion, text: string): TSESLint.ReportFixFunction | undefined {
  if (insertion.at === 'object') {
    const object = insertion.object;
    const last = object.properties[object.properties.length - 1];
    if (!last) return (fixer) => fixer.replaceText(object, `{ ${text} }`);
    return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  }
  const args = insertion.call.arguments;
  if (args.length < insertion.index) return undefined;
  if (args.length === insertion.index) {
    const previous = args[args.length - 1];
    return previous ? (fixer) => fixer.insertTextAfter(previous, `, { ${text} }`) : undefined;
  }
  // A callback sits where the options go: `verify(token, key, callback)`.
  return (fixer) => fixer.insertTextBefore(args[insertion.index], `{ ${text} }, `);
}
