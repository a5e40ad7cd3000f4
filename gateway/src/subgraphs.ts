import { accountsSubgraph } from '@mpp/accounts';
import type { SubgraphModule } from '@mpp/kit';
import { miniProgramsSubgraph } from '@mpp/mini-programs';
import { ordersSubgraph } from '@mpp/orders';
import { serviceMarketSubgraph } from '@mpp/service-market';
import { webhooksSubgraph } from '@mpp/webhooks';

/**
 * Every subgraph of the platform, in composition order. Names are federation service names and
 * give each subgraph's URL variable in the distributed mode (`ACCOUNTS_URL`…).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const subgraphModules: SubgraphModule<any>[] = [accountsSubgraph, serviceMarketSubgraph, miniProgramsSubgraph, ordersSubgraph, webhooksSubgraph];

/** Where docker-compose runs each subgraph; the committed supergraph names these URLs. */
export function defaultSubgraphUrl(name: string): string {
  return `http://${name}:4000/graphql`;
}
