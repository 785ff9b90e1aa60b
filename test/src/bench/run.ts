import { runEditorBench } from './editor';
import { runExtremeInputsBench } from './extreme';
import { runRulesBench } from './rules';

/** `npm run bench`: every benchmark section in turn. Figures only; nothing here fails a build. */
async function main(): Promise<void> {
  // `npm run bench -- <folder>`: the rules section over real projects instead of the generated corpus.
  await runRulesBench(process.argv[2]);
  await runEditorBench();
  await runExtremeInputsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
