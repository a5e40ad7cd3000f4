import { runStandaloneSubgraph } from '@mpp/kit';
import { accountsSubgraph } from './index.js';

await runStandaloneSubgraph(accountsSubgraph, { defaultPort: 4001 });
