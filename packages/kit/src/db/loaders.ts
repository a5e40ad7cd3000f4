import DataLoader from 'dataloader';
import { isId } from '../ids.js';

/**
 * Rows by id, one query per batch: `fetch` gets the distinct valid ids (anything that is not one of
 * our ids names nothing and never reaches the database). `keyOf` says which id a row answers.
 */
export function loaderById<Row>(
  fetch: (ids: string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string = (row) => (row as { id: string }).id,
): DataLoader<string, Row | null> {
  return new DataLoader<string, Row | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isId))];
    const found = new Map((valid.length ? await fetch(valid) : []).map((row) => [keyOf(row), row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Rows grouped under their parent id, one query per batch, in the order `fetch` returns them. */
export function loaderOfLists<Row>(
  fetch: (parentIds: string[]) => Promise<Row[]>,
  parentOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader<string, Row[]>(async (parentIds) => {
    const valid = [...new Set(parentIds.filter(isId))];
    const groups = new Map<string, Row[]>();
    for (const row of valid.length ? await fetch(valid) : []) {
      const parent = parentOf(row);
      const group = groups.get(parent);
      if (group) group.push(row);
      else groups.set(parent, [row]);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
