import { runCliBench } from './cli';
import { runEditorBench } from './editor';
import { runExtremeInputsBench } from './extreme';
import { runRulesBench } from './rules';

const SECTIONS = ['rules', 'editor', 'cli', 'extreme'] as const;

/**
 * `npm run bench`: every benchmark section in turn. Figures only; nothing here fails a build.
 * `npm run bench -- <folder>` runs the rules section over real projects instead of the generated corpus;
 * `--only <section>` (repeatable) runs some sections alone.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.flatMap((arg, i) => (args[i - 1] === '--only' ? [arg] : []));
  const unknown = only.filter((section) => !(SECTIONS as readonly string[]).includes(section));
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  const folder = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--only');
  const runs = (section: (typeof SECTIONS)[number]) => only.length === 0 || only.includes(section);
  if (runs('rules')) await runRulesBench(folder);
  if (runs('editor')) await runEditorBench();
  if (runs('cli')) runCliBench();
  if (runs('extreme')) await runExtremeInputsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
