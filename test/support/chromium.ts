import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../../platform/repoRoot';

/** The Debian package's Chromium (`apt-get install chromium`), or `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `describe` when Chromium is installed; otherwise `describe.skip`, saying loudly why. Only a
 * missing executable skips: a Chromium that is there and fails to start fails the tests.
 */
export function describeWithChromium(name: string, tests: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, tests);
    return;
  }
  process.stderr.write(
    `\n*** SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH. ***\n\n`,
  );
  describe.skip(name, tests);
}

/** Headless Chromium, as the browser tests drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** Writes numbered screenshots of a page into `test-results/<folder>/`. */
export async function screenshotsOf(
  page: Page,
  folder: string,
): Promise<(step: string) => Promise<void>> {
  const directory = path.join(repoRoot(), 'test-results', folder);
  await mkdir(directory, { recursive: true });
  let count = 0;
  return async (step) => {
    count += 1;
    await page.screenshot({
      path: path.join(directory, `${String(count).padStart(2, '0')}-${step}.png`),
      fullPage: true,
    });
  };
}
