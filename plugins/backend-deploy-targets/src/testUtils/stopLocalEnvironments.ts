import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStateFiles } from '../local/LocalStateFiles';

/**
 * Kills every process group the local target recorded under `workDir`:
 * each environment's serving version and any being started. Local
 * environments outlive the backend that started them by design, so a test
 * that deploys one and does not tear it down calls this when it ends.
 */
export function stopLocalEnvironments(workDir: string) {
  if (!existsSync(join(workDir, 'environments'))) return;
  const files = new LocalStateFiles(workDir);
  for (const environmentId of files.environmentIds()) {
    const pids = [
      files.read(environmentId)?.pid,
      ...files
        .startingVersions(environmentId)
        .map(([, starting]) => starting.pid),
    ];
    for (const pid of pids) {
      if (!pid || pid <= 0) continue;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
