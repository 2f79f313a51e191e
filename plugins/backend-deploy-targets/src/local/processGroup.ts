import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';

/**
 * Starts `command` by a shell as the leader of a new process group that
 * outlives this backend, its output appended to `logFile`. `exitCode()` is
 * undefined while the shell runs (-1 when it could not start).
 */
export function startGroup(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): { pid: number; exitCode: () => number | null | undefined } {
  const out = openSync(options.logFile, 'a');
  const child = spawn('/bin/sh', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  child.unref();
  let exitCode: number | null | undefined;
  child.once('exit', code => {
    exitCode = code;
  });
  child.once('error', () => {
    exitCode = -1;
  });
  return { pid: child.pid!, exitCode: () => exitCode };
}

/**
 * Whether any process of the group led by `pid` is still running. Zombies
 * do not count: in a container whose init does not reap them they would
 * otherwise look alive forever.
 */
export function isGroupAlive(pid: number): boolean {
  const members = linuxGroupStates(pid);
  if (members) return members.some(state => state !== 'Z');
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process `pid` (not its group) runs. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM to the whole group, SIGKILL to what is left after `timeoutMs`. */
export async function stopGroup(pid: number, timeoutMs: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  if (await waitUntilGone(pid, timeoutMs)) return;
  signalGroup(pid, 'SIGKILL');
  await waitUntilGone(pid, 5_000);
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isGroupAlive(pid)) return true;
    await new Promise(done => setTimeout(done, 50));
  }
  return !isGroupAlive(pid);
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The states (R, S, Z, ...) of the processes in group `pgid`, where /proc tells; else undefined. */
function linuxGroupStates(pgid: number): string[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const states: string[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid) states.push(state);
  }
  return states;
}
