import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { isId } from '../ids.js';
import { badUserInput } from './errors.js';

@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/**
 * The Relay connection and edge types of `Node`, named `<name>Connection` and `<name>Edge`.
 * Value types: every subgraph resolves them itself, hence `@shareable`.
 */
export function connectionTypes<T extends object>(
  Node: ClassType<T>,
  name: string,
  options: { totalCount?: boolean } = {},
) {
  @ObjectType(`${name}Edge`)
  @Directive('@shareable')
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  @Directive('@shareable')
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [Node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    totalCount?: number;
  }
  // Applied by hand so the counted and uncounted variants stay one class.
  if (options.totalCount) Field(() => Int)(ConnectionType.prototype, 'totalCount');

  return { Edge: EdgeType, Connection: ConnectionType };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * A keyset position: the values of the ordering columns of the last row seen. Encoded opaquely so
 * clients cannot depend on it; versioned so the encoding can change without breaking old cursors.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(['v1', ...key])).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded[0] === 'v1' &&
      decoded.length === arity + 1 &&
      decoded.slice(1).every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return decoded.slice(1) as CursorKey;
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw badUserInput('`after` is not a cursor this list produced.', 'after');
}

export interface PageRequest {
  /** Rows to return. */
  first: number;
  /** Keyset position to continue after, or null for the first page. */
  after: CursorKey | null;
}

/** Validates `first`/`after` of a connection field. */
export function pageRequest(args: { first?: number | null; after?: string | null }, cursorArity = 1): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return { first, after: args.after ? decodeCursor(args.after, cursorArity) : null };
}

/**
 * Shapes a page from rows fetched with `limit first + 1` (the extra row only tells whether there is
 * a next page).
 */
export function toConnection<Row, T = Row>(
  rows: Row[],
  page: PageRequest,
  cursorKey: (row: Row) => CursorKey,
  toNode: (row: Row) => T = (row) => row as unknown as T,
): Connection<T> {
  const visible = rows.slice(0, page.first);
  const edges = visible.map((row) => ({ cursor: encodeCursor(cursorKey(row)), node: toNode(row) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The position of a list ordered by (time, id). Timestamps are stored with millisecond precision,
 * so a JS Date in a cursor compares exactly with the column.
 */
export function timeAndIdAfter(after: CursorKey | null): { at: Date; id: string } | null {
  if (!after) return null;
  const at = new Date(String(after[0]));
  const id = String(after[1]);
  if (Number.isNaN(at.getTime()) || !isId(id)) throw badUserInput('`after` is not a cursor this list produced.', 'after');
  return { at, id };
}

/** The position of a list ordered by id alone (UUIDv7 ids sort in creation order). */
export function idAfter(after: CursorKey | null): string | null {
  if (!after) return null;
  const id = String(after[0]);
  if (!isId(id)) throw badUserInput('`after` is not a cursor this list produced.', 'after');
  return id;
}
