import { runEditorBench } from './editor';
import { runExtremeInputsBench } from './extreme';
import { runRulesBench } from './rules';

/** `npm run bench`: every benchmark section in turn. Figures only; nothing here fails a build. */
async function main(): Promise<void> {
  await runRulesBench();
  await runEditorBench();
  await runExtremeInputsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
