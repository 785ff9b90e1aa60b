import { getCredentialFacts } from '../analysis/credentials';
import type { ApiKeyScheme } from '../analysis/credentials';
import { createRule } from '../util/create-rule';
import { noteEnabledRule } from '../util/enabled-rules';
import { reportFinding } from '../util/report';

export type Options = [{ allowRoutes?: string[] }];

export type MessageIds = 'apiKeyAuth' | 'passwordAuth';

const RULE_NAME = 'no-api-key-auth';

/** `'/health'` matches itself; `'/internal/*'` matches every path below `/internal/`. */
function matchesRoute(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** A scheme is allowed only when every route it guards in this file is on the allow-list. */
function isAllowed(routes: readonly string[], allowRoutes: readonly string[]): boolean {
  return allowRoutes.length > 0 && routes.length > 0 && routes.every((path) => allowRoutes.some((pattern) => matchesRoute(pattern, path)));
}

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow API-key and HTTP Basic authentication schemes.',
      recommended: true,
      blocksLevel: 1,
    },
    messages: {
      apiKeyAuth:
        'API-key authentication ({{via}}) keeps this API at Level 0: a shared key names no user and carries no scopes, and it leaks with every copy; accept OAuth 2.0 access tokens verified as JWTs to reach Level 1.',
      passwordAuth:
        '{{scheme}} authentication ({{via}}) keeps this API at Level 0: every request carries a reusable password; accept OAuth 2.0 access tokens verified as JWTs to reach Level 1.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowRoutes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: "Route paths where a key or Basic credentials are acceptable, e.g. '/health', '/metrics' or '/internal/*'.",
          },
        },
      },
    ],
    defaultOptions: [{ allowRoutes: [] }],
  },
  create(context, [options]) {
    const allowRoutes = options.allowRoutes ?? [];

    // Schemes on allow-listed routes are not reported here, so the grade may still name them.
    noteEnabledRule(context.sourceCode, RULE_NAME, (fact) => !isAllowed(fact.routes ?? [], allowRoutes));

    function check(scheme: ApiKeyScheme): void {
      if (isAllowed(scheme.routes, allowRoutes)) return;
      const via = scheme.origin && scheme.via === 'key comparison' ? `${scheme.origin.description} compared with a key` : scheme.via;
      if (scheme.kind === 'api-key') {
        reportFinding(context, { node: scheme.node, messageId: 'apiKeyAuth', data: { via } }, { origin: scheme.origin });
      } else {
        const data = { via, scheme: scheme.kind === 'digest' ? 'HTTP Digest' : 'HTTP Basic' };
        reportFinding(context, { node: scheme.node, messageId: 'passwordAuth', data }, { origin: scheme.origin });
      }
    }

    return {
      Program() {
        for (const scheme of getCredentialFacts(context.sourceCode, context.settings, context.filename).apiKeySchemes) check(scheme);
      },
    };
  },
});
