import { runAction } from '../lib/run-action.js';
import { run } from '../actions/deploy-quick-launcher/run.js';

await runAction(run);
