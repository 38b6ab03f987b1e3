import { runAction } from '../lib/run-action.js';
import { run } from '../actions/build-optimized-images/run.js';
await runAction(run);
