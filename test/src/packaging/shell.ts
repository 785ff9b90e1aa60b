import { spawnSync } from 'node:child_process';

/** How long one command may take (an `npm install` on a cold cache included). */
const COMMAND_TIMEOUT_MS = 6 * 60_000;

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment for commands in the outside projects: this process's, minus what `npm run` exports about
 * the repository (`npm_config_local_prefix`, `npm_package_*`, `INIT_CWD`…), which would point npm back here.
 */
export function outsideEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'INIT_CWD' || (key.toLowerCase().startsWith('npm_') && !kept.has(key.toLowerCase()))) continue;
    env[key] = value;
  }
  return { ...env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

/** Runs one shell command; any exit status outside `expect` fails with the command's output. */
export function sh(command: string, cwd: string, expect: readonly number[] = [0]): Ran {
  const result = spawnSync('bash', ['-c', command], {
    cwd,
    env: outsideEnv(),
    encoding: 'utf8',
    timeout: COMMAND_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ran = { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  if (result.error || !expect.includes(ran.status)) {
    const reason = result.error ? result.error.message : `exit status ${ran.status}, expected ${expect.join(' or ')}`;
    throw new Error(`\`${command}\` in ${cwd}: ${reason}\n--- stdout ---\n${tail(ran.stdout)}\n--- stderr ---\n${tail(ran.stderr)}`);
  }
  return ran;
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}
