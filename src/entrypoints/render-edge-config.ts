import { runAction } from '../lib/run-action.js';
import { run } from '../actions/render-edge-config/run.js';

await runAction(run);
