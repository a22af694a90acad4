// PGlite's engine compiled once and its file bundle read once, to start many embedded databases
// in one process without compiling the WebAssembly each time (global set-up, test workers).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PgliteEngine {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

let engine: Promise<PgliteEngine> | undefined;
export function pgliteEngine(): Promise<PgliteEngine> {
  return (engine ??= (async () => {
    // (createRequire: global set-up's module runner has no import.meta.resolve.)
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, data] = await Promise.all([readFile(join(dist, 'pglite.wasm')), readFile(join(dist, 'pglite.data'))]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([data]) };
  })());
}
