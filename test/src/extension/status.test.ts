import * as assert from 'node:assert/strict';
import type { StatusParams } from 'claimguard-language-server/out/protocol';
import { StatusController, describeStatus, type StatusView } from 'claimguard-vscode/out/status';

const FILE = 'file:///work/api/app.js';

function status(overrides: Partial<StatusParams> = {}): StatusParams {
  return { uri: FILE, level: 2, findings: 3, validationMs: 40, ...overrides };
}

describe('extension: language status text', () => {
  it('shows the level and the findings count', () => {
    assert.deepEqual(describeStatus(status()), {
      text: 'Level 2 · 3 findings',
      detail: 'API Security Maturity of this file',
      severity: 'information',
      busy: false,
    });
  });

  it('words one finding, no routes and unauthenticated files plainly', () => {
    assert.equal(describeStatus(status({ findings: 1 })).text, 'Level 2 · 1 finding');
    assert.equal(describeStatus(status({ level: null, findings: 0 })).text, 'No protected routes · 0 findings');
    assert.equal(describeStatus(status({ level: 'unauthenticated' })).text, 'Unauthenticated · 3 findings');
  });

  it('says which configuration applied and which routes are not graded', () => {
    const view = describeStatus(status({ level: null, findings: 0, ungradedRoutes: 2, configuration: "ClaimGuard's bundled configuration (recommended rules)" }));
    assert.equal(view.text, 'No protected routes · 0 findings');
    assert.equal(
      view.detail,
      "API Security Maturity of this file. 2 routes have no authentication and no access decision: not graded (allow-list public routes in publicRoutes). Configuration: ClaimGuard's bundled configuration (recommended rules)",
    );
  });

  it('warns with the time when the analysis was slow', () => {
    const view = describeStatus(status({ validationMs: 1460 }));
    assert.equal(view.severity, 'warning');
    assert.equal(view.text, 'Level 2 · 3 findings');
    assert.match(view.detail, /took 1\.5 s/);
    assert.equal(describeStatus(status({ validationMs: 1000 })).severity, 'information');
  });

  it('shows an error with the reason when the file was skipped', () => {
    const view = describeStatus(status({ skippedReason: 'file is 2000000 bytes, over claimguard.maxFileSize (1000000)' }));
    assert.equal(view.severity, 'error');
    assert.equal(view.text, 'ClaimGuard: skipped');
    assert.match(view.detail, /over claimguard\.maxFileSize/);
  });

  it('shows a busy item before the first analysis', () => {
    const view = describeStatus(undefined);
    assert.equal(view.busy, true);
    assert.equal(view.severity, 'information');
  });

  it('does not throw on a malformed notification', () => {
    const bad = { uri: FILE, level: 'seven', findings: 'many', validationMs: null } as unknown as StatusParams;
    assert.equal(describeStatus(bad).text, 'No protected routes · 0 findings');
  });
});

describe('extension: status of the active file', () => {
  function setup(active: string | undefined) {
    const shown: StatusView[] = [];
    let current = active;
    const controller = new StatusController({ show: (view) => shown.push(view) }, () => current);
    return { shown, controller, activate: (uri: string | undefined) => (current = uri) };
  }

  it('updates the item when the active file gets a status, and not for other files', () => {
    const { shown, controller } = setup(FILE);
    controller.update(status({ uri: 'file:///work/api/other.js', level: 0 }));
    assert.equal(shown.length, 0);
    controller.update(status({ level: 3, findings: 0 }));
    assert.equal(shown.at(-1)?.text, 'Level 3 · 0 findings');
  });

  it('shows the remembered status when switching files', () => {
    const { shown, controller, activate } = setup(FILE);
    const other = 'file:///work/api/other.js';
    controller.update(status({ uri: other, level: 0, findings: 5 }));
    activate(other);
    controller.render();
    assert.equal(shown.at(-1)?.text, 'Level 0 · 5 findings');
  });

  it('forgets closed files and everything on a restart', () => {
    const { shown, controller } = setup(FILE);
    controller.update(status());
    controller.forget(FILE);
    controller.render();
    assert.equal(shown.at(-1)?.busy, true);
    controller.update(status());
    controller.clear();
    assert.equal(shown.at(-1)?.busy, true);
  });
});

describe('extension: status after the server is given up on', () => {
  it('shows an error until the server reports again', () => {
    const shown: StatusView[] = [];
    const controller = new StatusController({ show: (view) => shown.push(view) }, () => FILE);
    controller.update(status());
    controller.serverStopped();
    assert.equal(shown.at(-1)?.severity, 'error');
    assert.match(shown.at(-1)?.detail ?? '', /Restart Server/);
    controller.render();
    assert.equal(shown.at(-1)?.text, 'ClaimGuard: stopped', 'switching files keeps saying so');
    controller.update(status({ level: 3, findings: 0 }));
    assert.equal(shown.at(-1)?.text, 'Level 3 · 0 findings');
  });
});
