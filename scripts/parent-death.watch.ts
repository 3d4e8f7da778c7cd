/**
 * Calls `onDeath` once when the process that started this one is gone. npm does not pass a SIGTERM
 * on to its script, so `kill <npm's pid>` would otherwise leave the network running. Node has no
 * parent-death signal: a signal-0 probe each second, unref'd so it never keeps the process alive.
 */
export function watchParent(onDeath: () => void, intervalMs = 1_000): void {
  const parent = process.ppid;
  if (parent <= 1) return; // already orphaned, or started by init: nothing to watch
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch (error) {
      // EPERM: a process of another user took the pid, so ours is gone too.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH' && (error as NodeJS.ErrnoException).code !== 'EPERM')
        return;
      clearInterval(timer);
      onDeath();
    }
  }, intervalMs);
  timer.unref();
}
