import type { Logger, SubgraphContext } from '@mpp/kit';
import type { OrdersDb } from './db/client.js';
import { eventByPositionLoader, eventsByOrderLoader } from './order-event/order-event.loader.js';
import { activeOrderByMiniProgramLoader, orderLoader, ordersByWorkspaceLoader } from './order/order.loader.js';

export interface OrdersDeps {
  db: OrdersDb;
  logger: Logger;
  /** Catches up with ServiceMarket's and MiniPrograms' events. */
  directories: { catchUp(): Promise<void> };
}

export function createLoaders(db: OrdersDb) {
  const order = orderLoader(db);
  return {
    order,
    activeOrderByMiniProgram: activeOrderByMiniProgramLoader(db),
    ordersByWorkspace: ordersByWorkspaceLoader(db),
    eventsByOrder: eventsByOrderLoader(db),
    eventByPosition: eventByPositionLoader(db, order),
  };
}

export type OrdersLoaders = ReturnType<typeof createLoaders>;

export interface OrdersContext extends SubgraphContext {
  deps: OrdersDeps;
  loaders: OrdersLoaders;
}
