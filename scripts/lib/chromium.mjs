// Headless Chromium for the scripts that drive the portal (benchmarks,
// screenshots), found and started as the journey tests do.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

// Without the networking switches Chromium keeps reaching for Google's
// hosts, which a closed network refuses many times a second. The journey
// tests (playwright.config.ts) start Chromium with these too.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** PORTAL_CHROMIUM if set, else the first Chromium installed; launched headless. */
export async function launchChromium() {
  const executablePath =
    process.env.PORTAL_CHROMIUM ?? CANDIDATES.find(path => existsSync(path));
  if (!executablePath) {
    throw new Error('No Chromium found: install one or set PORTAL_CHROMIUM');
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
