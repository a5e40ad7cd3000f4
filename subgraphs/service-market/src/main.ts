import { runStandaloneSubgraph } from '@mpp/kit';
import { serviceMarketSubgraph } from './index.js';

await runStandaloneSubgraph(serviceMarketSubgraph, { defaultPort: 4002 });
