import { v7 as uuidv7, validate } from 'uuid';

/** New entity ids: UUIDv7, so ids sort in creation order (keyset pagination relies on it). */
export function newId(): string {
  return uuidv7();
}

/** Ids arrive from clients as opaque strings; anything that is not one of ours names nothing. */
export function isId(value: string): boolean {
  return validate(value);
}
