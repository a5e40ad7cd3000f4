import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, idAfter, newId, pageRequest, timeAndIdAfter, toConnection } from '../src/index.js';

describe('cursors', () => {
  it('round-trip and stay opaque', () => {
    const id = newId();
    const cursor = encodeCursor(['2026-11-21T00:00:00.000Z', id]);
    expect(cursor).not.toContain(id);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-21T00:00:00.000Z', id]);
    expect(timeAndIdAfter(decodeCursor(cursor, 2))).toEqual({ at: new Date('2026-11-21T00:00:00.000Z'), id });
  });

  it.each(['garbage', encodeCursor(['x']), Buffer.from('["v2","a"]').toString('base64url'), ''])(
    'refuses a cursor the list did not produce (%s) with BAD_USER_INPUT',
    (cursor) => {
      const attempt = () => idAfter(pageRequest({ after: cursor || 'e30' }).after);
      expect(attempt).toThrow(GraphQLError);
      try {
        attempt();
      } catch (error) {
        expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      }
    },
  );

  it('bounds page sizes', () => {
    expect(pageRequest({}).first).toBe(20);
    expect(pageRequest({ first: 0 }).first).toBe(0);
    expect(() => pageRequest({ first: 101 })).toThrow('between 0 and 100');
    expect(() => pageRequest({ first: -1 })).toThrow('between 0 and 100');
  });
});

it('shapes a page from limit + 1 rows', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const page = toConnection(rows, { first: 2, after: null }, (r) => [r.id]);
  expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
  expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  expect(page.pageInfo.endCursor).toBe(page.edges[1]!.cursor);
  const last = toConnection(rows.slice(2), { first: 2, after: ['b'] }, (r) => [r.id]);
  expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
});
