import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`, done by .ci/run), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`no chromium at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return path;
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A real headless Chromium driven by playwright-core, with the empty temporary profile Playwright
 * makes and removes (it refuses a --user-data-dir flag). The flags keep it off the network it must
 * not reach (this machine's closed network refuses Google's hosts).
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
