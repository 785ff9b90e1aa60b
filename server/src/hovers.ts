import type { Linter } from 'eslint';
import { routeTarget } from 'eslint-plugin-claimguard/api';
import type { FindingDetail, RouteReport } from './lint-engine';
import type { RouteLevel } from './protocol';
import { levelLabel } from './routes';

/** What each level means, in the words of the README's level table. */
const LEVEL_MEANING: Record<string, string> = {
  0: 'API keys or HTTP Basic credentials: no identity, no scopes',
  1: 'a token is verified, but no decision uses its scopes or claims',
  2: 'scopes or claims decide, but some decision also uses a value the caller controls or an unverified token',
  3: 'every decision uses verified claims, and verification pins algorithms, issuer, audience and expiry',
  unauthenticated: 'no authentication on the route',
  unknown: 'its authentication is in code this analysis cannot see',
};

function levelLine(level: RouteLevel): string {
  return `**${levelLabel(level)}**: ${LEVEL_MEANING[String(level)] ?? ''}.`;
}

/** Markdown for a hover on a route's registration: its level, why, and what reaches the next one. */
export function routeHover(route: RouteReport, reportedBy?: { ruleId: string; docsUrl: string | undefined }): string {
  const lines = [`**API maturity: ${levelLabel(route.level)}** — \`${route.method} ${routeTarget(route)}\``, '', levelLine(route.level)];
  if (route.publicRoute) lines.push('', 'Allow-listed as a public route: not counted in the grade.');
  else if (!route.protectedRoute) lines.push('', 'It makes no access decision, so it does not count in the grade; list it in `publicRoutes` if it is public on purpose.');
  if (route.reasons.length > 0) {
    lines.push('', 'Why:');
    for (const reason of route.reasons) lines.push(`- ${reason.text}`);
  }
  if (route.nextStep) lines.push('', `Next step: ${route.nextStep}.`);
  if (reportedBy) lines.push('', `Reported by ${reportedBy.ruleId}${reportedBy.docsUrl ? ` ([rule documentation](${reportedBy.docsUrl}))` : ''}.`);
  return lines.join('\n');
}

/** "Holds `GET /x` at **Level 2**: …", "`GET /x` is **unauthenticated**: …". */
function routeLevelSentence(route: RouteReport): string {
  const name = `\`${route.method} ${routeTarget(route)}\``;
  return typeof route.level === 'number' ? `Holds ${name} at ${levelLine(route.level)}` : `${name} is ${levelLine(route.level)}`;
}

/**
 * Markdown for a finding: the diagnostic's text once, where the value came from only when the text does not
 * already say it, and for each route it holds down that route's level and what reaches the next one.
 */
export function findingHover(message: Linter.LintMessage, detail: FindingDetail | undefined, routes: readonly RouteReport[], docsUrl: string | undefined): string {
  const lines = [`**${message.ruleId}**: ${message.message}`];
  const origin = detail?.origin;
  if (origin && !message.message.includes(origin.description)) {
    lines.push('', `The value comes from ${origin.description}, line ${origin.span.start.line}.`);
  }
  const held = routes.filter((route) => route.reasons.some((reason) => reason.span?.start.line === message.line));
  for (const route of held) {
    lines.push('', routeLevelSentence(route));
    if (route.nextStep) lines.push(`Next step: ${route.nextStep}.`);
  }
  if (held.length === 0 && detail?.level !== undefined && detail.level !== null) {
    lines.push('', `Its route: ${levelLine(detail.level)}`);
  }
  if (docsUrl) lines.push('', `[Rule documentation](${docsUrl})`);
  return lines.join('\n');
}
