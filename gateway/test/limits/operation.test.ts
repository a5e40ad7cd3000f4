import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../src/gateway.js';
import { parseWithinLimits, shapeErrors, type OperationLimits } from '../../src/limits/operation.js';

// Through SDL: this test loads graphql's ESM build, federation-internals its CommonJS one.
const commonJsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema(commonJsGraphql.printSchema(Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema()));
const limits: OperationLimits = { maxDepth: 4, maxAliases: 2, maxRootFields: 3, maxTokens: 100, maxDirectives: 1 };
const errors = (query: string) => shapeErrors(schema, parse(query), limits).map((error) => error.message);

describe('operation shape', () => {
  it('accepts an operation within every limit', () => {
    expect(errors('{ viewer { memberships { workspace { name } } } }')).toEqual([]);
  });

  it('refuses depth beyond the limit, fragments included', () => {
    expect(errors('{ viewer { memberships { workspace { members { role } } } } }')).toEqual([expect.stringContaining('depth limit of 4')]);
    expect(errors('{ viewer { ...M } } fragment M on Account { memberships { workspace { members { role } } } }')).toEqual([
      expect.stringContaining('depth limit of 4'),
    ]);
  });

  it('refuses too many aliases, root fields, directives, and a second credential field', () => {
    expect(errors('{ a: viewer { id } b: viewer { id } c: viewer { id } }')).toEqual([expect.stringContaining('Aliases limit of 2')]);
    expect(errors('{ viewer { id } serviceMarket { nodes { id } } pendingVerifications { nodes { id } } service(id: "x") { id } }')).toEqual([
      expect.stringContaining('at most 3 root fields'),
    ]);
    expect(errors('{ viewer @include(if: true) @skip(if: false) { id } }')).toEqual([expect.stringContaining('Directives limit of 1')]);
    expect(
      errors('mutation { signIn(input: { email: "a", password: "b" }) { token } a: signIn(input: { email: "a", password: "c" }) { token } }'),
    ).toEqual([expect.stringContaining('One signIn, signUp or changePassword per request')]);
  });

  it('stops parsing a huge document at the token limit', () => {
    const huge = `{ ${'viewer { id } '.repeat(200_000)} }`;
    expect(() => parseWithinLimits(huge, 100)).toThrow(GraphQLError);
    const started = performance.now(); // warm: what a server pays per refused document
    expect(() => parseWithinLimits(huge, 100)).toThrow('more than 100 tokens');
    expect(performance.now() - started).toBeLessThan(50);
    expect(parseWithinLimits('{ viewer { id } }', 100)).not.toBeNull();
    expect(parseWithinLimits('{ viewer { id ', 100)).toBeNull();
  });
});
