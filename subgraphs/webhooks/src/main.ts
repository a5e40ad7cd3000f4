import { runStandaloneSubgraph } from '@mpp/kit';
import { webhooksSubgraph } from './index.js';

await runStandaloneSubgraph(webhooksSubgraph, { defaultPort: 4005 });
