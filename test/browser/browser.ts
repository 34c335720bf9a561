import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless browser on a small, busy CI machine running as root in a container: no sandbox (root), no GPU,
 * a small /dev/shm, and none of the browser's own traffic (updates, sync, QUIC probes) beside the page under test.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The Chromium executable to drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** Why there is no Chromium to drive, or undefined when there is one. */
export function chromiumMissing(): string | undefined {
  const executable = chromiumPath();
  try {
    accessSync(executable, constants.X_OK);
    return undefined;
  } catch {
    return `no executable Chromium at ${executable}${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}`;
  }
}

export interface Browser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile of its own in a temporary folder. */
export async function launchChromium(options: { timeoutMs: number }): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'calls-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: options.timeoutMs,
      viewport: { width: 1280, height: 900 },
    });
    return {
      context,
      close: async () => {
        try {
          await context.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
