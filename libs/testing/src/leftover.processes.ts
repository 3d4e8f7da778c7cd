import { readFileSync, readdirSync } from 'node:fs';

/**
 * Processes whose command line or environment mentions `text` (e.g. a network's temporary state
 * folder: nats-server's -sd, each service's *_DATA_DIR), from /proc. What a stopped network must
 * not leave behind. Empty where there is no /proc; tests also check the ports.
 */
export function processesMentioning(text: string): string[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && entry !== String(process.pid));
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const pid of pids) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environment = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (command.includes(text) || environment.includes(text)) found.push(`${pid}: ${command.split('\0').join(' ')}`);
    } catch {
      continue; // gone meanwhile, or another user's
    }
  }
  return found;
}
