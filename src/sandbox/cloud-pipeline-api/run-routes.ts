import { ApiFailure } from './failure.js';
import { type Route, idParam } from './router.js';

/** What a launch gets from the stand-in: the sandbox has no cluster nodes to run on. */
const LAUNCH_NOT_AVAILABLE = 'Launching a run is not available in the sandbox: it has no cluster nodes to run it on';

/**
 * Runs, as a Cloud Pipeline that has none answers for them: `POST /run/filter` gives an empty
 * PagedResult (`controller/pipeline/PipelineRunController.java:347-359`; NON_EMPTY leaves
 * `{totalCount: 0}`), `GET /run/{runId}` the IllegalArgumentException of
 * `PipelineRunManager.loadPipelineRun` (`:599-601`, `messages.properties:38`), `GET
 * /configuration/loadAll` no detached configuration (`controller/configuration/ConfigurationController.java:91`).
 * A launch (`POST /run`, `POST /runConfiguration`, `PipelineRunController.java:91, 107`) stops at
 * a clear ERROR: the stand-in's own, since it starts nothing.
 */
export const runRoutes: Route[] = [
  { method: 'POST', path: '/run/filter', mutating: false, handle: () => ({ elements: [], totalCount: 0 }) },
  {
    method: 'GET',
    path: '/run/{runId}',
    mutating: false,
    handle: (c) => {
      throw new ApiFailure(200, `Pipeline with requested id: '${idParam(c.params, 'runId')}' was not found.`);
    },
  },
  { method: 'GET', path: '/configuration/loadAll', mutating: false, handle: () => [] },
  ...(['/run', '/runConfiguration'] as const).map(
    (path): Route => ({
      method: 'POST',
      path,
      // A launch attempt: refused here, but an attempt to change state all the same.
      mutating: true,
      handle: () => {
        throw new ApiFailure(200, LAUNCH_NOT_AVAILABLE);
      },
    }),
  ),
];
