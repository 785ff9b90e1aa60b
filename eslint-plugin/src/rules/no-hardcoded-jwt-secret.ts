import * as path from 'node:path';
import { analyzeSourceCode } from '../analysis/index';
import { getCredentialFacts, isPlaceholderSecret } from '../analysis/credentials';
import { envVariableText, isWrittenString } from '../analysis/static-values';
import type { SecretUse } from '../analysis/credentials';
import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';

export type Options = [{ minimumLength?: number; checkFallbacks?: boolean }];

export type MessageIds = 'hardcodedSecret' | 'weakSecret' | 'fallbackSecret' | 'importedSecret' | 'importedFallbackSecret' | 'secretInClaims';

const RULE_NAME = 'no-hardcoded-jwt-secret';

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow JWT signing and verification secrets written in the source.',
      recommended: true,
      blocksLevel: 2,
    },
    messages: {
      hardcodedSecret:
        'The {{library}} {{role}} secret is written in the source, so anyone who can read the code can forge tokens; load it from the environment or a key store (Level 2).',
      weakSecret:
        'The {{library}} {{role}} secret is written in the source and is {{reason}}, so tokens can be forged; load a random secret of at least {{minimum}} characters from the environment or a key store (Level 2).',
      secretInClaims:
        "The {{library}} token carries the claim `{{name}}`; a token's claims are only encoded, so anyone who holds it can read them; leave secrets out of tokens (Level 2).",
      fallbackSecret:
        '`{{variable}}` falls back to a {{library}} secret written in the source, which signs tokens whenever the variable is unset; fail at startup instead (Level 2).',
      importedSecret:
        '`{{expression}}` is a {{library}} {{role}} secret written in the source at {{where}}, so anyone who can read the code can forge tokens; load it from the environment or a key store (Level 2).',
      importedFallbackSecret:
        '`{{expression}}` falls back to a {{library}} secret written in the source at {{where}} whenever `{{variable}}` is unset, and tokens signed with it pass; fail at startup instead (Level 2).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minimumLength: {
            type: 'integer',
            minimum: 1,
            description: 'Literal secrets shorter than this are called out as guessable (32 characters is 256 bits of text).',
          },
          checkFallbacks: {
            type: 'boolean',
            description: 'Report `process.env.X || "literal"` and `?? "literal"` fallbacks.',
          },
        },
      },
    ],
    defaultOptions: [{ minimumLength: 32, checkFallbacks: true }],
  },
  create(context, [options]) {
    const minimum = options.minimumLength ?? 32;
    const reported = new Set<SecretUse['node']>();

    function weakReason(text: string): string | undefined {
      if (isPlaceholderSecret(text)) return 'a well-known placeholder';
      return text.length < minimum ? `only ${text.length} characters long` : undefined;
    }

    function check(use: SecretUse): void {
      if (!use.literal || reported.has(use.node)) return;
      if (use.kind === 'env-fallback' && options.checkFallbacks === false) return;
      reported.add(use.node);
      const origin = { description: 'the secret literal', node: use.literal.node };
      const data = { library: use.library, role: use.role };
      if (use.kind === 'env-fallback') {
        reportFinding(context, { node: use.node, messageId: 'fallbackSecret', data: { ...data, variable: use.envVariable ?? 'process.env.…' } }, { origin: origin });
        return;
      }
      const reason = weakReason(use.literal.text);
      if (reason) {
        reportFinding(context, { node: use.node, messageId: 'weakSecret', data: { ...data, reason, minimum } }, { origin: origin });
      } else {
        reportFinding(context, { node: use.node, messageId: 'hardcodedSecret', data }, { origin: origin });
      }
    }

    /** A secret another project file writes: `config.jwtSecret` where config.ts has `process.env.JWT_SECRET ?? 'dev'`. */
    function checkImported(use: SecretUse): void {
      if (use.kind !== 'runtime' || reported.has(use.node)) return;
      const found = analyzeSourceCode(context.sourceCode, context.settings, context.filename).importedConstant(use.node);
      if (!found || !isWrittenString(found.constant)) return;
      if (found.constant.kind === 'env-fallback' && options.checkFallbacks === false) return;
      reported.add(use.node);
      const where = `${path.relative(path.dirname(context.filename), found.file).split(path.sep).join('/')}:${found.constant.span.start.line}`;
      const data = { library: use.library, role: use.role, expression: context.sourceCode.getText(use.node), where };
      if (found.constant.kind === 'env-fallback') reportFinding(context, { node: use.node, messageId: 'importedFallbackSecret', data: { ...data, variable: envVariableText(found.constant) } });
      else reportFinding(context, { node: use.node, messageId: 'importedSecret', data });
    }

    return {
      Program() {
        const facts = getCredentialFacts(context.sourceCode, context.settings, context.filename);
        for (const use of facts.secrets) check(use);
        for (const use of facts.secrets) checkImported(use);
        for (const problem of facts.issuance) {
          if (problem.kind === 'secret-in-claims') reportFinding(context, { node: problem.node, messageId: 'secretInClaims', data: { library: problem.library, name: problem.name } });
        }
      },
    };
  },
});
