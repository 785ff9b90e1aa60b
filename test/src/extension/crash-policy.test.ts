import * as assert from 'node:assert/strict';
import { RestartPolicy, handleServerClosed, isConnectionLoss, type CrashReporter } from 'claimguard-vscode/out/crash-policy';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('extension: restart policy after server crashes', () => {
  it('restarts with a delay that doubles after each crash', () => {
    const clock = manualClock();
    const policy = new RestartPolicy(clock.now);
    const delays = [1, 2, 3, 4].map(() => {
      const decision = policy.recordCrash();
      assert.equal(decision.restart, true);
      clock.advance(1000);
      return decision.delayMs;
    });
    assert.deepEqual(delays, [500, 1000, 2000, 4000]);
  });

  it('gives up with a clear message at the fifth crash within three minutes', () => {
    const clock = manualClock();
    const policy = new RestartPolicy(clock.now);
    for (let i = 0; i < 4; i++) {
      assert.equal(policy.recordCrash().restart, true);
      clock.advance(30_000);
    }
    const fifth = policy.recordCrash();
    assert.equal(fifth.restart, false);
    assert.match(fifth.message ?? '', /stopped 5 times in the last 3 minutes/);
    assert.match(fifth.message ?? '', /Restart Server/);
  });

  it('keeps restarting when crashes are spread over more than the window', () => {
    const clock = manualClock();
    const policy = new RestartPolicy(clock.now);
    for (let i = 0; i < 12; i++) {
      const decision = policy.recordCrash();
      assert.equal(decision.restart, true, `crash ${i + 1}`);
      clock.advance(60_000);
    }
  });

  it('caps the delay', () => {
    const clock = manualClock();
    const policy = new RestartPolicy(clock.now, { maxCrashes: 20, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 3000 });
    const delays = Array.from({ length: 6 }, () => policy.recordCrash().delayMs);
    assert.deepEqual(delays, [500, 1000, 2000, 3000, 3000, 3000]);
  });

  it('forgets earlier crashes after a restart by hand', () => {
    const clock = manualClock();
    const policy = new RestartPolicy(clock.now);
    for (let i = 0; i < 4; i++) policy.recordCrash();
    policy.reset();
    assert.deepEqual(policy.recordCrash(), { restart: true, delayMs: 500 });
  });
});

describe('extension: handling a closed server connection', () => {
  function recorder() {
    const logged: string[] = [];
    const shown: string[] = [];
    const reporter: CrashReporter = { log: (m) => logged.push(m), giveUp: (m) => shown.push(m) };
    return { logged, shown, reporter };
  }

  it('schedules a restart after the backoff without bothering the user', () => {
    const { logged, shown, reporter } = recorder();
    const scheduled: number[] = [];
    handleServerClosed(new RestartPolicy(() => 0), reporter, (ms) => scheduled.push(ms));
    assert.deepEqual(scheduled, [500]);
    assert.deepEqual(shown, []);
    assert.match(logged[0], /restarting in 500 ms/);
  });

  it('shows one message and schedules nothing after repeated crashes', () => {
    const { shown, reporter } = recorder();
    const policy = new RestartPolicy(() => 0);
    const scheduled: number[] = [];
    for (let i = 0; i < 5; i++) handleServerClosed(policy, reporter, (ms) => scheduled.push(ms));
    assert.deepEqual(scheduled, [500, 1000, 2000, 4000]);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /will not be restarted/);
  });
});

describe('extension: telling a lost connection from a failed start', () => {
  it('recognises the ways a vanished server process shows up', () => {
    assert.equal(isConnectionLoss({ code: -32097, message: 'Pending response rejected since connection got disposed' }), true);
    assert.equal(isConnectionLoss(new Error('Connection is disposed.')), true);
    assert.equal(isConnectionLoss(new Error('Connection got closed.')), true);
  });

  it('treats anything else as a real start failure', () => {
    assert.equal(isConnectionLoss(new Error('Unsupported client capabilities')), false);
    assert.equal(isConnectionLoss({ code: -32603, message: 'Internal error' }), false);
    assert.equal(isConnectionLoss('Connection is disposed'), false);
    assert.equal(isConnectionLoss(undefined), false);
  });
});
