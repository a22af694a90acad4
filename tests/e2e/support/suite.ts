// The frame most browser tests share: the real server (demo service unless told otherwise) and
// Chromium started together before the file, one browser context and page, and everything
// stopped after it. `check` is axe-core plus "nothing scrolls sideways".
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type ServerProcess } from '../../support/server-process.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser } from './browser.ts';

export interface Suite {
  server: ServerProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** axe-core finds nothing, and nothing on the page scrolls sideways. */
  check(label: string): Promise<void>;
}

/** Registers the file's beforeAll/afterAll; the fields are there once the tests run. */
export function browserSuite(env: Record<string, string>, contextOptions: BrowserContextOptions): Suite {
  const suite = {} as Suite;
  suite.check = async (label) => {
    await expectNoAxeViolations(suite.page, label);
    await expectNoHorizontalScroll(suite.page);
  };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startServer(env), launchBrowser()]);
    suite.context = await suite.browser.newContext(contextOptions);
    suite.page = await suite.context.newPage();
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
