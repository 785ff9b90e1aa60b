import { recordFinding, type MaturityLevel } from '../analysis/findings';
import { rememberRouteOptions, type Grade, type GradeReason } from '../analysis/maturity';
import { gradeFileRoutes, type GradedRoute } from '../project/grades';
import { isReportedByEnabledRule } from '../util/enabled-rules';
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
          const reasons = unreportedReasons(entry.grade);
          // Another rule's finding holds the route down and says why; the lens and hover carry the grade.
          if (reasons.length === 0 && entry.grade.level !== 'unauthenticated') continue;
          report(entry, reasons);
        }
      },
    };

    /** The reasons no enabled rule of this lint reports, leaving out those that only follow from the others. */
    function unreportedReasons(grade: Grade): GradeReason[] {
      return grade.reasons.filter((reason) => !reason.consequence && !isReportedByEnabledRule(context.sourceCode, reason.reportedBy));
    }

    function report({ linked, path, grade, anchor }: GradedRoute, reasons: readonly GradeReason[]): void {
      // An unauthenticated route whose decisions other rules report still lacks authentication: say only that.
      const [first, ...more] = reasons.length > 0 ? reasons : [{ text: 'no authentication on the route' }];
      const reason = `${first!.text}${more.length > 0 ? ` (and ${more.length} more)` : ''}`;
      const unauthenticated = grade.level === 'unauthenticated';
      context.report({
        loc: anchor,
        messageId: unauthenticated ? 'unauthenticated' : 'belowMinimum',
        // One GraphQL endpoint serves many operations: the path names the one this is (`/graphql Query.invoice`).
        data: { level: String(grade.level), reason, nextStep: grade.nextStep, method: linked.route.method, path: linked.route.operation !== undefined ? `${path} ${linked.route.operation}` : path },
      });
      // The culprit's span (not a node) is what editors link to, so the detail is recorded directly.
      recordFinding(context.sourceCode, {
        ruleId: 'claimguard/maturity-level',
        span: anchor,
        level: grade.level,
        ...(first!.span ? { origin: { description: first!.text, span: first!.span } } : {}),
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
