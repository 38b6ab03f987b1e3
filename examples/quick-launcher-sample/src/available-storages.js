// GET /datastorage/available, once per page: the real launcher starts it when its module loads
// (src/models/cloud-pipeline-api/data-storage-available.js:18) and waits for it, ignoring a
// failure, before it lists applications in either mode.
import { apiPayload } from './api.js';

let storagesPromise;

/** The storages the user may use ([] when the call fails). */
export function availableStorages(settings) {
  if (!storagesPromise) {
    storagesPromise = apiPayload(settings, 'datastorage/available').catch((error) => {
      console.log('Error fetching data storages:', error.message);
      return [];
    });
  }
  return storagesPromise;
}
