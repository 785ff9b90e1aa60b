import * as assert from 'node:assert/strict';
import { formatFailure, runFuzz } from '../fuzz/runner';

/** Fixed so that `npm test` is reproducible; `npm run fuzz` explores new seeds. */
const SEED = 20_240_611;
const RUNS = 80;

describe('fuzz: generated handlers across frameworks', function () {
  // Each run lints up to five times; on a busy machine one lint of a generated file can take ~100 ms.
  this.timeout(120_000);

  it(`holds every property for ${RUNS} generated files (seed ${SEED})`, async () => {
    const report = await runFuzz({ seed: SEED, runs: RUNS, caseTimeoutMs: 30_000 });
    assert.equal(report.failure, undefined, formatFailure(report));
    assert.equal(report.casesChecked, RUNS, 'every run reached the linter');
  });
});
