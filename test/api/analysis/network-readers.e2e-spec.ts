import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from '../../support/test-app';
import { buildSmallWorld } from './small-world';

/**
 * The network files opened by the tools researchers use, without conversion: GraphML by R's
 * igraph and by Python's networkx, GEXF (Gephi's format) by networkx — Debian's r-cran-igraph
 * and python3-networkx, which .ci/run installs. Each must find the JSON's nodes, edges and weights.
 */
const run = promisify(execFile);
const KINDS = ['actor-topic', 'actor-congruence', 'actor-conflict', 'replies'];
// Debian's interpreter, where python3-networkx is installed (not one a version manager put first on PATH).
const PYTHON = '/usr/bin/python3';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallWorld(t);
  dir = await mkdtemp(join(tmpdir(), 'chronicle-networks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

interface Expected {
  directed: boolean;
  nodes: string[];
  edges: string[];
}

async function expectedFromJson(kind: string): Promise<Expected & { statements: Record<string, number> }> {
  const body = (await t.http().get(`/api/analysis/network?kind=${kind}`).expect(200)).body;
  // An undirected edge has no direction: compare its ends in a fixed order.
  const edge = (l: { source: string; target: string; weight: number }) =>
    `${body.directed ? [l.source, l.target] : [l.source, l.target].sort()} ${l.weight}`;
  return {
    directed: body.directed,
    nodes: body.nodes.map((n: { id: string; name: string }) => `${n.id} ${n.name}`).sort(),
    edges: body.links.map(edge).sort(),
    statements: Object.fromEntries(body.nodes.map((n: { id: string; statements: number }) => [n.id, n.statements])),
  };
}

async function download(kind: string, format: string): Promise<string> {
  const path = join(dir, `${kind}.${format}`);
  await writeFile(path, (await t.http().get(`/api/analysis/network?kind=${kind}&format=${format}`).expect(200)).text);
  return path;
}

describe.each(KINDS)('%s', (kind) => {
  it("is read by R's igraph from GraphML", async () => {
    const expected = await expectedFromJson(kind);
    const { stdout } = await run('Rscript', [join(__dirname, 'readers/read-graphml.R'), await download(kind, 'graphml')]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const [, directed, vertices, edgeCount] = lines[0];
    expect(directed).toBe(expected.directed ? 'TRUE' : 'FALSE');
    expect(Number(vertices)).toBe(expected.nodes.length);
    expect(Number(edgeCount)).toBe(expected.edges.length);
    const nodes = lines.filter((l) => l[0] === 'node');
    expect(nodes.map(([, id, name]) => `${id} ${name}`).sort()).toEqual(expected.nodes);
    for (const [, id, , statements, type] of nodes) {
      expect(Number(statements)).toBe(expected.statements[id]);
      expect(type).toBe('numeric');
    }
    const edges = lines.filter((l) => l[0] === 'edge');
    expect(edges.map(([, s, tg, weight]) => `${expected.directed ? [s, tg] : [s, tg].sort()} ${weight}`).sort()).toEqual(expected.edges);
    expect(new Set(edges.map((e) => e[4]))).toEqual(new Set(edges.length ? ['numeric'] : []));
  });

  it.each(['graphml', 'gexf'])("is read by Python's networkx from %s", async (format) => {
    const expected = await expectedFromJson(kind);
    const { stdout } = await run(PYTHON, [join(__dirname, 'readers/read_network.py'), await download(kind, format), format]);
    const read = JSON.parse(stdout);
    expect(read.directed).toBe(expected.directed);
    expect(read.nodes.map((n: { id: string; name: string }) => `${n.id} ${n.name}`).sort()).toEqual(expected.nodes);
    for (const node of read.nodes) {
      expect(node.statements).toBe(expected.statements[node.id]);
      expect(node.statementsType).toBe('int');
    }
    const edge = (e: { source: string; target: string; weight: number }) =>
      `${expected.directed ? [e.source, e.target] : [e.source, e.target].sort()} ${e.weight}`;
    expect(read.edges.map(edge).sort()).toEqual(expected.edges);
    // GraphML declares the weight an int; GEXF's edge weight is a float by definition.
    for (const e of read.edges) expect(e.weightType).toBe(format === 'graphml' ? 'int' : 'float');
  });
});
