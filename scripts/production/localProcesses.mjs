// What the operating system says runs for a local deploy target's
// environment, whatever the target's own records claim: the process groups
// with a process working inside the environment's folder.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/** Process group ids with a live process whose cwd is inside `dir`. */
export function processGroupsIn(dir) {
  const inside = resolve(dir) + sep;
  const groups = new Set();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (!(cwd + sep).startsWith(inside)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') groups.add(Number(pgrp));
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return [...groups].sort((a, b) => a - b);
}

/** The environment folder of a local deploy target's `workDir`. */
export function environmentDir(workDir, environmentId) {
  return resolve(workDir, 'environments', environmentId);
}

/** The pid the target's record says serves the environment, if any. */
export function recordedPid(workDir, environmentId) {
  try {
    return JSON.parse(
      readFileSync(
        resolve(environmentDir(workDir, environmentId), 'state.json'),
        'utf8',
      ),
    ).pid;
  } catch {
    return undefined;
  }
}

/**
 * The deploys of an environment under way now: the records a local deploy
 * target writes before it starts a version, each naming the backend
 * process (deployerPid) doing it.
 */
export function deploysUnderWay(workDir, environmentId) {
  const dir = environmentDir(workDir, environmentId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(file => /^starting-.*\.json$/.test(file))
    .flatMap(file => {
      try {
        return [JSON.parse(readFileSync(resolve(dir, file), 'utf8'))];
      } catch {
        return [];
      }
    });
}
