// Bundles every browser entry point (client/*.entry.ts[x]) into client/dist with esbuild.
// Output names carry a content hash; client/dist/manifest.json maps entry → file for pages.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

export interface BuiltClient {
  /** entry name ("chat") → file name in the output folder */
  manifest: Record<string, string>;
  /** entry name → the source files bundled into it (relative to the project) */
  inputs: Record<string, string[]>;
}

/** Builds into `outdir` (client/dist by default; the bundle-size test builds into a folder of its own). */
export async function buildClient(outdir = join(here, 'dist')): Promise<BuiltClient> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const entryPoints = readdirSync(here)
    .filter((f) => /\.entry\.tsx?$/.test(f))
    .map((f) => join(here, f));
  const manifest: Record<string, string> = {};
  const inputs: Record<string, string[]> = {};
  if (entryPoints.length > 0) {
    const result = await build({
      entryPoints,
      outdir,
      bundle: true,
      minify: true,
      format: 'esm',
      // Older browsers fail to parse the bundle and simply keep the server's plain forms.
      target: ['es2019', 'safari14.1'],
      entryNames: '[name]-[hash]',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    for (const [out, meta] of Object.entries(result.metafile.outputs)) {
      if (!meta.entryPoint) continue;
      const name = basename(meta.entryPoint).replace(/\.entry\.tsx?$/, '');
      manifest[name] = relative(outdir, out);
      inputs[name] = Object.keys(meta.inputs);
    }
  }
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { manifest, inputs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { manifest } = await buildClient();
  console.log(`client built: ${Object.keys(manifest).length} bundle(s) in client/dist`);
}
