import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { composeSupergraph, schemaFolder } from '../src/compose.js';

// `npm run compose` rewrites these files; a difference means the committed schema is stale.
const composition = composeSupergraph();

it('composes the subgraphs without errors', () => {
  expect(composition.supergraph).toContain('@join__graph');
});

it.each([...composition.subgraphs.keys()])('commits the SDL the %s subgraph code produces', (name) => {
  expect(readFileSync(join(schemaFolder, `${name}.graphql`), 'utf8')).toBe(composition.subgraphs.get(name));
});

it('commits the supergraph composed from them', () => {
  expect(readFileSync(join(schemaFolder, 'supergraph.graphql'), 'utf8')).toBe(composition.supergraph);
});

it('commits no schema file that no subgraph produces', () => {
  const expected = new Set([...composition.subgraphs.keys()].map((name) => `${name}.graphql`).concat('supergraph.graphql'));
  expect(readdirSync(schemaFolder).filter((file) => file.endsWith('.graphql')).sort()).toEqual([...expected].sort());
});
