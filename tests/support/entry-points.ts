// How tests start Heard's programs (the server, the command line, backup) as child processes.
//
// Global set-up bundles each entry point once per run with esbuild (bundleEntryPoints), so a child
// process loads one JavaScript file instead of tsx transforming the whole server again. The
// bundle is the same source: only the packages in node_modules are left out, and each file's
// `import.meta.url` is kept as its own path so migrations, locales, phrases and client/dist are
// found where they are. Without a bundle (the browser tests, the benchmarks), tsx runs the source.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('../../', import.meta.url).pathname;

const ENTRY_POINTS = {
  server: 'server/main.ts',
  cli: 'server/cli/main.ts',
  backup: 'server/backup/main.ts',
  'submit-forever': 'tests/support/faults/submit-forever.ts',
} as const;
export type EntryPoint = keyof typeof ENTRY_POINTS;

/** Set by global set-up for the test workers: the folder holding `<entry>.mjs`. */
export const BUNDLE_DIR_VARIABLE = 'HEARD_TEST_BUNDLES';

/**
 * The arguments after `node` that run an entry point (run with the project root as cwd).
 * `--liftoff-only`: a test's process lives for seconds, too short for V8's optimising compiler to
 * earn back the time it spends on PGlite's WebAssembly (about a third of a start's CPU time).
 */
export function nodeArgs(entry: EntryPoint): string[] {
  const dir = process.env[BUNDLE_DIR_VARIABLE];
  return dir ? ['--liftoff-only', join(dir, `${entry}.mjs`)] : ['--import', 'tsx', ENTRY_POINTS[entry]];
}

/** Bundles every entry point into `outdir`, which must be inside the project (node_modules is found from there). */
export async function bundleEntryPoints(outdir: string): Promise<void> {
  const { build } = await import('esbuild');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, join(root, file)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins: [
      {
        name: 'keep-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.tsx?$/ }, async ({ path }) => {
            const text = await readFile(path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: path.endsWith('x') ? 'tsx' : 'ts' };
          });
        },
      },
    ],
  });
}
