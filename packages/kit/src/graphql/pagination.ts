import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { isId } from '../ids.js';
import { badUserInput } from './errors.js';

@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list. Lists are read forward: pass `endCursor` as `after` for the next page.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with an `after` cursor, so items come before it.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first item's cursor; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last item's cursor, to pass as `after` for the next page; null when the page is empty." })
  endCursor!: string | null;
}

/**
 * The text of every connection's `first` and `after` arguments, so that each list states the same
 * rule (`pageRequest` enforces it).
 */
export const PAGE_ARGUMENT_DESCRIPTIONS = {
  first: 'How many items to return: 0 to 100, default 20 (BAD_USER_INPUT otherwise).',
  after: "Continue after this cursor (an edge's `cursor` or `pageInfo.endCursor` of this same list); null starts at the beginning. BAD_USER_INPUT for a cursor this list did not produce.",
} as const;

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
  @ObjectType(`${name}Edge`, { description: `One \`${name}\` of a page, with its position in the list.` })
  @Directive('@shareable')
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item; pass it as `after` to continue with the items that follow it.' })
    cursor!: string;

    @Field(() => Node, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of a list of \`${name}\` items (a Relay connection), asked for with \`first\` (0 to 100, default 20) and \`after\`.`,
  })
  @Directive('@shareable')
  class ConnectionType {
    @Field(() => [EdgeType], { description: "This page's items, each with its cursor." })
    edges!: EdgeType[];

    @Field(() => [Node], { description: "This page's items, in the same order as `edges`, without cursors." })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursors to continue from.' })
    pageInfo!: PageInfo;

    totalCount?: number;
  }
  // Applied by hand so the counted and uncounted variants stay one class.
  if (options.totalCount) {
    Field(() => Int, { description: 'How many items the whole list holds, across all pages, with the same filters.' })(ConnectionType.prototype, 'totalCount');
  }

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
