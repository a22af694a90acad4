// PGlite's engine compiled once and its file bundle read once, to start many embedded databases
// in one process without compiling the WebAssembly each time (global set-up, test workers).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PgliteEngine {
  pgliteWasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

/**
 * A Blob whose bytes are already in memory. PGlite reads its file bundle and a data-folder dump
 * with `arrayBuffer()` at every start, and Node 20 reads a Blob back in small chunks and joins
 * them: about a third of a second of CPU per test database. This hands the bytes over at once.
 *
 * `shared`: hand over the same bytes every time rather than a copy (copying 40 MB costs about a
 * tenth of a second here). Only for a data-folder dump: PGlite reads it and copies each file in it
 * into the new database's own memory file system, never writing to it. Not for the file bundle,
 * whose files PGlite keeps pointing into the buffer it is given.
 */
export class BytesBlob extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #shared: boolean;
  constructor(bytes: Uint8Array<ArrayBuffer>, { shared = false } = {}) {
    super([bytes]);
    // A plain Uint8Array of exactly these bytes (a Buffer may be a view into a larger pool, and
    // its slice() shares memory rather than copying).
    this.#bytes = new Uint8Array(bytes);
    this.#shared = shared;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#shared ? this.#bytes.buffer : this.#bytes.slice().buffer);
  }
}

let engine: Promise<PgliteEngine> | undefined;
export function pgliteEngine(): Promise<PgliteEngine> {
  return (engine ??= (async () => {
    // (createRequire: global set-up's module runner has no import.meta.resolve.)
    const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, data] = await Promise.all([readFile(join(dist, 'pglite.wasm')), readFile(join(dist, 'pglite.data'))]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new BytesBlob(data) };
  })());
}
