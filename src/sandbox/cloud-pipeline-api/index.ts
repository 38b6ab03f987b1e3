export { API_BASE, startCloudPipelineApi, type CloudPipelineApi, type CloudPipelineApiOptions } from './server.js';
export { DEMO_FOLDER_APPS, FOLDER_APPS_STORAGE } from './folder-apps.js';
