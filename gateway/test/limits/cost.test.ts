import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../src/gateway.js';
import { actualCost, requestedCost } from '../../src/limits/cost.js';

// Through SDL: this test loads graphql's ESM build, federation-internals its CommonJS one.
const commonJsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema(commonJsGraphql.printSchema(Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema()));
const cost = (query: string, variables: Record<string, unknown> = {}) => requestedCost(schema, parse(query), variables);

describe('requested cost', () => {
  it('counts objects 1 and scalars 0', () => {
    expect(cost('{ viewer { id email displayName } }')).toBe(1);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('multiplies a connection by first, or by the default page size', () => {
    // market 1 + 5 × (node 1 + isv 1) + pageInfo 1
    expect(cost('{ serviceMarket(first: 5) { nodes { id isv { name } } pageInfo { hasNextPage } } }')).toBe(12);
    expect(cost('query ($n: Int) { serviceMarket(first: $n) { nodes { id } } }', { n: 50 })).toBe(51);
    expect(cost('{ serviceMarket { edges { cursor node { id } } } }')).toBe(1 + 20 * 2);
  });

  it('counts plain lists of objects at ten items, so nesting them multiplies', () => {
    expect(cost('{ viewer { memberships { role } } }')).toBe(1 + 10);
    // the benchmark query: 1 + 10 × (membership 1 + workspace 1 + 10 × (member 1 + account 1))
    expect(cost('{ viewer { memberships { workspace { name members { role account { email } } } } } }')).toBe(221);
    const nested = '{ viewer { memberships { workspace { members { account { memberships { workspace { members { account { id } } } } } } } } } }';
    expect(cost(nested)).toBeGreaterThan(10_000);
  });

  it('charges 10 per mutation field, whatever the payload selects', () => {
    expect(cost('mutation { signIn(input: { email: "a@b.c", password: "p" }) { token account { memberships { role } } } }')).toBe(10);
  });

  it('merges fields by response key through fragments and honours @skip/@include', () => {
    const query = 'query ($no: Boolean!) { viewer { ...A ... on Account { id } memberships @include(if: $no) { role } } } fragment A on Account { id }';
    expect(cost(query, { no: false })).toBe(1);
    expect(cost(query, { no: true })).toBe(11);
  });

  it('picks the named operation', () => {
    expect(requestedCost(schema, parse('query A { viewer { id } } query B { viewer { memberships { role } } }'), {}, 'B')).toBe(11);
  });
});

describe('actual cost', () => {
  it('counts the objects returned', () => {
    const data = { serviceMarket: { nodes: [{ id: '1', isv: { name: 'a' } }, { id: '2', isv: { name: 'b' } }], pageInfo: { hasNextPage: false } } };
    expect(actualCost(data, 'query')).toBe(1 + 2 * 2 + 1);
    expect(actualCost({ viewer: null }, 'query')).toBe(0);
    expect(actualCost({ signIn: { token: 't' } }, 'mutation')).toBe(10);
  });
});
