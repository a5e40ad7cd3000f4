import { describe, expect, it } from 'vitest';
import { INTERNAL_CREDENTIAL_HEADER, REQUEST_ID_HEADER } from '@mpp/kit';
import { dedupeRepresentations, expandEntities, inFlightKey, isQueryBody } from '../src/gateway.js';

describe('entity fetches carry each representation once', () => {
  const a = { __typename: 'Account', id: 'a' };
  const b = { __typename: 'Account', id: 'b' };

  it('keeps the first of each distinct representation and where every position went', () => {
    const { unique, positions } = dedupeRepresentations([a, b, { ...a }, b, a]);
    expect(unique).toEqual([a, b]);
    expect(positions).toEqual([0, 1, 0, 1, 0]);
  });

  it('tells apart representations of other types with the same key, and with more fields', () => {
    const { unique, positions } = dedupeRepresentations([
      a,
      { __typename: 'Workspace', id: 'a' },
      { __typename: 'Account', id: 'a', email: 'a@x' },
      { id: 'a', __typename: 'Account', email: 'a@x' },
      { __typename: 'Account', id: 'a', email: 'a@x' },
    ]);
    expect(unique).toHaveLength(4);
    expect(positions).toEqual([0, 1, 2, 3, 2]);
  });

  it('answers every original position, and errors at each of them', () => {
    const response = {
      data: { _entities: [{ email: 'a@x' }, null] },
      errors: [
        { message: 'not found', path: ['_entities', 1, 'email'] },
        { message: 'elsewhere', path: ['other'] },
      ],
    };
    const expanded = expandEntities(response as never, [0, 1, 0, 1]);
    const entities = (expanded.data as { _entities: unknown[] })._entities;
    expect(entities).toEqual([{ email: 'a@x' }, null, { email: 'a@x' }, null]);
    expect(expanded.errors?.map((error) => [error.message, error.path])).toEqual([
      ['not found', ['_entities', 1, 'email']],
      ['not found', ['_entities', 3, 'email']],
      ['elsewhere', ['other']],
    ]);
  });
});

describe('identical subgraph requests in flight', () => {
  it('are shared only for queries', () => {
    expect(isQueryBody(JSON.stringify({ query: 'query Q__orders__0{x}', variables: {} }))).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: '{x}' }))).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: 'mutation M__orders__0{x}' }))).toBe(false);
    expect(isQueryBody(JSON.stringify({ variables: {}, query: 'query Q{x}' }))).toBe(false);
  });

  it('are keyed by every header but the request id, so two credentials never share', () => {
    const body = '{"query":"{x}"}';
    const one = inFlightKey({ authorization: 'Bearer one', [REQUEST_ID_HEADER]: 'r1' }, body);
    expect(inFlightKey({ [REQUEST_ID_HEADER]: 'r2', authorization: 'Bearer one' }, body)).toBe(one);
    expect(inFlightKey({ authorization: 'Bearer two', [REQUEST_ID_HEADER]: 'r1' }, body)).not.toBe(one);
    expect(inFlightKey({ [REQUEST_ID_HEADER]: 'r1' }, body)).not.toBe(one);
    expect(inFlightKey({ authorization: 'Bearer one' }, '{"query":"{y}"}')).not.toBe(one);
    // The gateway's credential is signed per request (with the time): two identical requests of one caller still share.
    expect(inFlightKey({ authorization: 'Bearer one', [REQUEST_ID_HEADER]: 'r3', [INTERNAL_CREDENTIAL_HEADER]: 'v1.1.a' }, body)).toBe(
      inFlightKey({ authorization: 'Bearer one', [REQUEST_ID_HEADER]: 'r4', [INTERNAL_CREDENTIAL_HEADER]: 'v1.2.b' }, body),
    );
  });
});
