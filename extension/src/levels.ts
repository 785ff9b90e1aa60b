import type { RouteLevel } from 'claimguard-language-server/out/protocol';

/** "Level 2", "Unauthenticated", … as every view of the extension words a level. */
export function levelLabel(level: RouteLevel | null): string {
  if (level === null) return 'No protected routes';
  if (level === 'unauthenticated') return 'Unauthenticated';
  if (level === 'unknown') return 'Level unknown';
  return `Level ${level}`;
}

/**
 * Weakest first, the order in which the report lists groups: the routes that need work come first.
 * Unauthenticated ranks below Level 0, as in the grade; unknown levels come last, as they count nowhere.
 */
export const LEVEL_ORDER: readonly RouteLevel[] = ['unauthenticated', 0, 1, 2, 3, 'unknown'];

export function isRouteLevel(value: unknown): value is RouteLevel {
  return LEVEL_ORDER.includes(value as RouteLevel);
}
