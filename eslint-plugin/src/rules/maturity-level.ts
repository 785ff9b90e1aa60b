import { recordFinding, spanOf, type MaturityLevel } from '../analysis/findings';
import { gradeFileRoutes, rememberRouteOptions, type GradedRoute } from '../analysis/maturity';
import { createRule } from '../util/create-rule';

export type Options = [{ minimumLevel?: MaturityLevel; publicRoutes?: string[] }];
export type MessageIds = 'belowMinimum' | 'unauthenticated';

export default createRule<Options, MessageIds>({
  name: 'maturity-level',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every route to reach a minimum API Security Maturity level.',
      blocksLevel: null,
    },
    schema: [
      {
        type: 'object',
        properties: {
          minimumLevel: {
            type: 'integer',
            enum: [0, 1, 2, 3],
            description: 'Routes graded below this level are reported (0 API key/Basic, 1 verified token, 2 claims decide, 3 claims only and pinned verification).',
          },
          publicRoutes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Paths of routes that are public on purpose; `*` matches one path segment and `**` any number.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      belowMinimum: 'Level {{level}}: {{reason}}; {{nextStep}}.',
      unauthenticated:
        'Unauthenticated route {{method}} {{path}}: {{reason}}; {{nextStep}}, or list the path in publicRoutes if it is public on purpose.',
    },
    defaultOptions: [{ minimumLevel: 3, publicRoutes: [] }],
  },
  defaultOptions: [{ minimumLevel: 3, publicRoutes: [] }],
  create(context, [options]) {
    const minimumLevel = options.minimumLevel ?? 3;
    const publicRoutes = options.publicRoutes ?? [];
    rememberRouteOptions(context.sourceCode, { filename: context.filename, publicRoutes });
    return {
      'Program:exit'() {
        const graded = gradeFileRoutes(context.sourceCode, context.settings, context.filename, publicRoutes);
        for (const entry of graded) {
          if (entry.publicRoute || !isBelow(entry, minimumLevel)) continue;
          report(entry);
        }
      },
    };

    function report({ route, grade, anchor }: GradedRoute): void {
      const [first, ...more] = grade.reasons;
      const reason = `${first?.text ?? 'no reason recorded'}${more.length > 0 ? ` (and ${more.length} more)` : ''}`;
      const unauthenticated = grade.level === 'unauthenticated';
      context.report({
        node: anchor,
        messageId: unauthenticated ? 'unauthenticated' : 'belowMinimum',
        data: { level: String(grade.level), reason, nextStep: grade.nextStep, method: route.method, path: route.path },
      });
      // The culprit's span (not a node) is what editors link to, so the detail is recorded directly.
      recordFinding(context.sourceCode, {
        ruleId: 'claimguard/maturity-level',
        span: spanOf(anchor),
        level: grade.level,
        ...(first?.span ? { origin: { description: first.text, span: first.span } } : {}),
      });
    }
  },
});

/** Unknown levels are not reported: the CLI, which sees every file, grades them. */
function isBelow({ grade }: GradedRoute, minimumLevel: MaturityLevel): boolean {
  if (grade.level === 'unknown') return false;
  if (grade.level === 'unauthenticated') return true;
  return grade.level < minimumLevel;
}
