// No folder of server/ imports itself through other folders (dependency-cruiser checks modules;
// this checks the folders, which it cannot without counting server/'s own root files and the demo
// seed). Type-only imports vanish at run time and do not count. Fails naming the cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../server');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const folderOf = (file: string) => relative(root, file).split('/').slice(0, -1)[0];

/** folder → folders it imports at run time */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files(root)) {
    const from = folderOf(file);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const to = folderOf(resolve(dirname(file), m[1]!));
      if (to && to !== from && !to.startsWith('..')) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

/** A cycle through the folders, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    if (state.get(n) === 'done') return undefined;
    state.set(n, 'open');
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

describe('the folders of server/', () => {
  it('import each other one way only', () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(findCycle(graph)?.join(' → ')).toBeUndefined();
  });

  it('would see a cycle if there were one', () => {
    const graph = folderGraph();
    graph.get('cases')!.add('case-page');
    expect(findCycle(graph)).toBeDefined();
  });
});
