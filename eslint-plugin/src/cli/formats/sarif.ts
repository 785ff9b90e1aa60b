import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import plugin from '../../index';
import { PACKAGE_VERSION, REPOSITORY_URL } from '../../package-info';
import { levelLabel, type Report, type ReportFinding, type ReportLocation, type ReportRoute } from '../report';
import type { Suppression } from '../project';


const ROUTE_RULE = 'claimguard/route-maturity';
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT = 'claimguardFinding/v1';

interface SecurityFacts {
  cwe: readonly number[];
  /** A CVSS-like score; code scanning files 9+ as critical, 7 to 8.9 high, 4 to 6.9 medium, below 4 low. */
  severity: string;
  precision: 'very-high' | 'high' | 'medium' | 'low';
}

/**
 * What code scanning needs beyond the rule's own metadata. Values that let any caller choose who may do
 * what are high; weak schemes and hygiene gaps are medium; a route's grade is informational.
 */
const SECURITY: Record<string, SecurityFacts> = {
  'no-untrusted-authorization': { cwe: [807, 639], severity: '8.1', precision: 'high' },
  'no-unverified-claims': { cwe: [347], severity: '8.1', precision: 'high' },
  'no-privilege-from-request': { cwe: [269, 915], severity: '8.8', precision: 'high' },
  'require-jwt-validation': { cwe: [347, 345], severity: '7.4', precision: 'high' },
  'no-hardcoded-jwt-secret': { cwe: [798, 321], severity: '7.5', precision: 'high' },
  'require-ownership-check': { cwe: [639], severity: '7.1', precision: 'medium' },
  'no-api-key-auth': { cwe: [1390], severity: '5.3', precision: 'high' },
  'no-timing-unsafe-compare': { cwe: [208], severity: '5.9', precision: 'medium' },
  'maturity-level': { cwe: [285], severity: '5.0', precision: 'medium' },
  // Finds nothing itself: it says where other findings may be missing.
  'no-incomplete-analysis': { cwe: [285], severity: '3.0', precision: 'high' },
  'route-maturity': { cwe: [285], severity: '3.0', precision: 'medium' },
};

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every ClaimGuard rule with its documentation, CWE tags and
 * security severity; one result per finding (suppressed ones marked, never dropped) with the origin of the
 * untrusted value as a related location and a fingerprint that survives edits elsewhere in the file; one
 * note per route below Level 3; files that could not be analysed as tool notifications.
 */
export function formatSarif(report: Report, base: string): string {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts = artifactsOf(report);
  const artifactIndex = new Map(artifacts.map((artifact, index) => [artifact.location!.uri!, index]));
  const at = (file: string, location: ReportLocation): Sarif.PhysicalLocation => ({
    artifactLocation: { uri: file, uriBaseId: SOURCE_ROOT, index: artifactIndex.get(file)! },
    region: regionOf(location),
  });
  const results: Sarif.Result[] = [];
  for (const finding of [...report.findings, ...report.suppressed]) {
    if (finding.ruleId === null) continue;
    results.push(findingResult(finding, ruleIndex.get(finding.ruleId) ?? -1, at));
  }
  results.push(...routeResults(report.routes, ruleIndex.get(ROUTE_RULE)!, at));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ClaimGuard', version: PACKAGE_VERSION, semanticVersion: PACKAGE_VERSION, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(base.endsWith(path.sep) ? base : `${base}${path.sep}`).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: report.findings.filter((finding) => finding.ruleId === null).map((finding) => notification(finding, at)) }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptors(): Sarif.ReportingDescriptor[] {
  const descriptors = Object.entries(plugin.rules).map(([name, rule]) => {
    const url = rule.meta.docs?.url ?? '';
    // `maturity-level` warns in every config but `strict`; every other rule is an error where it is on.
    return descriptor(`claimguard/${name}`, name, rule.meta.docs?.description ?? name, url, documentation(name, url), name === 'maturity-level' ? 'warning' : 'error');
  });
  const maturityUrl = plugin.rules['maturity-level'].meta.docs?.url ?? '';
  const routeHelp =
    'A route graded below Level 3 of the API Security Maturity Model: 0 API key or Basic credentials, 1 a verified token but no decision on its claims, 2 claims decide but untrusted values too, 3 verified claims only with pinned verification. Unauthenticated routes have no authentication at all; list public ones with --public or maturity-level publicRoutes.';
  descriptors.push(descriptor(ROUTE_RULE, 'route-maturity', 'A route below API Security Maturity Level 3.', maturityUrl, { text: routeHelp, markdown: `${routeHelp}\n\n[Documentation](${maturityUrl})`, full: routeHelp }, 'note'));
  return descriptors;
}

function descriptor(id: string, name: string, description: string, helpUri: string, docs: { text: string; markdown: string; full: string }, level: Sarif.ReportingConfiguration.level): Sarif.ReportingDescriptor {
  const security = SECURITY[name] ?? { cwe: [], severity: '5.0', precision: 'medium' };
  return {
    id,
    name,
    shortDescription: { text: description },
    fullDescription: { text: docs.full },
    help: { text: docs.text, markdown: docs.markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level },
    properties: {
      tags: ['security', 'authorization', ...security.cwe.map((cwe) => `external/cwe/cwe-${cwe}`)],
      'security-severity': security.severity,
      precision: security.precision,
    },
  };
}

/**
 * A rule's documentation page (shipped in the package's `docs/`): its first paragraph is the full
 * description, the prose before its first heading the plain-text help, the whole page (links made absolute)
 * the markdown help.
 */
function documentation(name: string, url: string): { text: string; markdown: string; full: string } {
  const file = path.resolve(__dirname, '../../../docs/rules', `${name}.md`);
  const page = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const marker = '<!-- end auto-generated rule header -->';
  const body = (page.includes(marker) ? page.slice(page.indexOf(marker) + marker.length) : page).trim();
  const prose = proseParagraphs(body.split(/\n#+ /)[0]!);
  const fallback = plugin.rules[name as keyof typeof plugin.rules]?.meta.docs?.description ?? name;
  const markdown = url ? `${absoluteLinks(body, url)}\n\n[Rule documentation](${url})` : body;
  return { full: prose[0] ?? fallback, text: prose.join('\n\n') || fallback, markdown: markdown || fallback };
}

/** The paragraphs of plain prose: code blocks and tables do not read well as plain text. */
function proseParagraphs(markdown: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of markdown.split('\n').map((text) => text.trim())) {
    if (line.startsWith('```')) {
      flush();
      inFence = !inFence;
    } else if (inFence || line.startsWith('|')) {
      flush();
    } else if (line === '') flush();
    else current.push(line);
  }
  flush();
  return paragraphs;
}

/** `[other rule](other-rule.md)` works next to the page, not in a code scanning alert. */
function absoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\(([^)\s#][^)\s]*\.md(?:#[^)\s]*)?)\)/g, (whole, target: string) => (/^[a-z]+:/i.test(target) ? whole : `](${new URL(target, pageUrl).href})`));
}

function artifactsOf(report: Report): Sarif.Artifact[] {
  const files = new Set<string>();
  for (const finding of [...report.findings, ...report.suppressed]) files.add(finding.file);
  for (const route of report.routes) files.add(route.file);
  return [...files].sort().map((file) => ({ location: { uri: file, uriBaseId: SOURCE_ROOT }, sourceLanguage: sourceLanguage(file) }));
}

function sourceLanguage(file: string): string {
  return /\.[cm]?tsx?$/.test(file) ? 'typescript' : 'javascript';
}

function regionOf(location: ReportLocation): Sarif.Region {
  return {
    startLine: Math.max(location.line, 1),
    startColumn: Math.max(location.column, 1),
    ...(location.endLine !== undefined ? { endLine: location.endLine } : {}),
    ...(location.endColumn !== undefined ? { endColumn: location.endColumn } : {}),
  };
}

type Locate = (file: string, location: ReportLocation) => Sarif.PhysicalLocation;

function findingResult(finding: ReportFinding, ruleIndex: number, at: Locate): Sarif.Result {
  const origin = finding.origin;
  // Code scanning shows a related location where the message links to it by id: `[text](1)`.
  const text = origin ? `${messageText(finding.message)} See [${messageText(origin.description)}](1).` : messageText(finding.message);
  return {
    ruleId: finding.ruleId!,
    ruleIndex,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text },
    locations: [{ physicalLocation: at(finding.file, finding) }],
    ...(origin ? { relatedLocations: [{ id: 1, physicalLocation: at(finding.file, origin), message: { text: messageText(origin.description) } }] } : {}),
    partialFingerprints: { [FINGERPRINT]: finding.fingerprint },
    ...(finding.suppressions ? { suppressions: finding.suppressions.map(sarifSuppression) } : {}),
  };
}

function sarifSuppression(suppression: Suppression): Sarif.Suppression {
  return {
    kind: suppression.kind === 'directive' ? 'inSource' : 'external',
    ...(suppression.justification ? { justification: suppression.justification } : {}),
  };
}

function routeResults(routes: readonly ReportRoute[], ruleIndex: number, at: Locate): Sarif.Result[] {
  const occurrences = new Map<string, number>();
  return routes
    .filter((route) => !route.publicRoute && route.level !== 3)
    .map((route) => {
      const hash = createHash('sha256').update([ROUTE_RULE, route.file, route.method, route.path].join('\0')).digest('hex').slice(0, 32);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      return {
        ruleId: ROUTE_RULE,
        ruleIndex,
        level: 'note' as const,
        message: { text: messageText(`${route.method} ${route.path}: ${levelLabel(route.level)}${route.reasons[0] ? ` (${route.reasons[0]})` : ''}`) },
        locations: [{ physicalLocation: at(route.file, route) }],
        partialFingerprints: { [FINGERPRINT]: `${hash}:${occurrence}` },
      };
    });
}

/** A file that could not be analysed is about the tool's run, not a rule: code scanning lists it as such. */
function notification(failure: ReportFinding, at: Locate): Sarif.Notification {
  return { level: 'error', message: { text: messageText(failure.message) }, locations: [{ physicalLocation: at(failure.file, failure) }] };
}

/** SARIF reads `[text](id)` in a message as a link; brackets that come from the analysed code are escaped. */
function messageText(text: string): string {
  return text.replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&');
}
