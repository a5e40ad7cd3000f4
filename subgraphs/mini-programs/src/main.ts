import { runStandaloneSubgraph } from '@mpp/kit';
import { miniProgramsSubgraph } from './index.js';

await runStandaloneSubgraph(miniProgramsSubgraph, { defaultPort: 4003 });
