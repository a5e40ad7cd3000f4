import { runStandaloneSubgraph } from '@mpp/kit';
import { ordersSubgraph } from './index.js';

await runStandaloneSubgraph(ordersSubgraph, { defaultPort: 4004 });
