// Headless Debian Chromium through playwright-core. Nothing here may download a browser.
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './hostPaths';

/** Flags that keep Chromium from reaching the network or a GPU on a headless test machine. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium; set `HEADED=1` with a display to watch a run. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    headless: process.env.HEADED !== '1',
  });
}
