import { runAction } from '../lib/run-action.js';
import { run } from '../actions/quick-launcher/run.js';

await runAction(run);
