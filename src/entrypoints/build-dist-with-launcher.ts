import { runAction } from '../lib/run-action.js';
import { run } from '../actions/build-dist-with-launcher/run.js';
await runAction(run);
