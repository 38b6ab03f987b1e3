// The entry point: settings first, then the list of the mode the settings name.
import { BUILD } from './build-config.js';
import { availableStorages } from './available-storages.js';
import { fetchSettings, whoAmI } from './settings.js';
import { fetchDockerApplications } from './docker-applications.js';
import { fetchFolderApplications } from './folder-applications.js';
import { showApplications, showFooter, showMode, showProblem } from './page.js';

async function folderMode(settings) {
  let user;
  try {
    const answer = await whoAmI(settings);
    if (!/^ok$/i.test(answer.status)) throw new Error(`Error fetching current user: ${answer.message || 'unknown error'}`);
    user = answer.payload;
  } catch (error) {
    showFooter(undefined, settings);
    return showProblem('Authentication error', settings, error.message);
  }
  showFooter(user, settings);
  const { applications, reason } = await fetchFolderApplications(settings);
  if (applications.length === 0) return showProblem('No applications configured', settings, reason);
  showApplications(applications);
}

async function dockerMode(settings) {
  try {
    const { applications, user } = await fetchDockerApplications(settings);
    showFooter(user, settings);
    if (applications.length === 0) return showProblem('No applications configured', settings, `no tool has ${settings.tag}=${settings.tagValue}`);
    showApplications(applications);
  } catch (error) {
    const answer = await whoAmI(settings).catch(() => undefined);
    showFooter(answer && answer.payload, settings);
    showProblem('Error fetching applications list', settings, error.message);
  }
}

async function main() {
  console.log('APPLICATION VERSION', BUILD.version, BUILD.description ? `(${BUILD.description})` : '');
  const settings = await fetchSettings();
  showMode(settings);
  if (!BUILD.cloudPipelineApi || !BUILD.tools) {
    return showProblem('No applications configured', settings, 'this sample launcher lists Cloud Pipeline tools only (USE_CLOUD_PIPELINE_API and USE_CLOUD_PIPELINE_TOOLS)');
  }
  document.getElementById('content').textContent = 'Fetching applications list';
  void availableStorages(settings);
  if (/^folder$/i.test(settings.applicationsMode)) return folderMode(settings);
  return dockerMode(settings);
}

void main();
