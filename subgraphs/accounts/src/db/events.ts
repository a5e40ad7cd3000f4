import { appendEvents, type Db, type NewEvent } from '@mpp/kit';
import { eventLog } from './schema.js';

/** Appends Accounts events in the caller's transaction. */
export function recordEvents(tx: Db, events: NewEvent[]) {
  return appendEvents(tx, eventLog, 'accounts', events);
}
