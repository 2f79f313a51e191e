import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The Chromium the journey tests drive: PORTAL_CHROMIUM if set, else the first one installed. */
export function findChromium(): string | undefined {
  const configured = process.env.PORTAL_CHROMIUM;
  if (configured) return configured;
  return CANDIDATES.find(path => existsSync(path));
}
