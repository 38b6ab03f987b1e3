// The launcher's settings, built as the real launcher builds them (src/models/base/settings.js):
// GET /settings from the page's own origin, the entry for `document.location.hostname` laid over
// the defaults (a key whose value is undefined is skipped), the applications mode corrected, and
// the user found out (anonymous when the user's only role is the anonymous role and the settings
// carry an anonymous token).
import { BUILD } from './build-config.js';
import { userInfoFromToken } from './bearer-token.js';
import { apiCall } from './api.js';

/** The defaults the settings answer overrides (the real launcher has more; these are the ones this sample uses). */
export const DEFAULT_SETTINGS = {
  tag: BUILD.tag,
  tagValue: document.location.hostname,
  api: BUILD.api || '/restapi',
  supportName: BUILD.supportName || 'support team',
  useBearerAuth: true,
  applicationsMode: 'docker',
  serviceUser: 'PIPE_ADMIN',
  appConfigStorage: 1880,
  appConfigPath: '/[user]/ShinyApps/[version]/[app]/gateway.spec',
  folderApplicationUserPlaceholder: 'user',
  anonymousAccess: { role: 'ROLE_ANONYMOUS_USER', token: undefined, includeCredentials: false },
  latestTag: 'latest',
  deprecatedTag: 'deprecated',
  readOnlyTag: 'readonly',
  disablePackages: { tag: 'disablePackages' },
};

async function getSettings() {
  const response = await fetch('/settings', { method: 'GET', headers: { 'Content-Type': 'application/json' } });
  const family = Math.ceil(response.status / 100);
  if (family === 4 || family === 5) throw new Error(`Response: ${response.status} ${response.statusText}`);
  return response.json();
}

/** Later objects win, key by key; undefined values are skipped. */
export function mergeSettings(...layers) {
  const result = {};
  for (const layer of layers.filter(Boolean)) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) result[key] = value;
  }
  return result;
}

function correctApplicationsMode(settings) {
  const known = (name, value) => {
    if (/^(docker|folder|docker\+folder|folder\+docker)$/i.test(value)) return value;
    if (value) console.error(`${name}: unknown value "${value}". Supported values: "docker", "folder"`);
    return undefined;
  };
  settings.applicationsMode = known('settings.applicationsMode', settings.applicationsMode);
  settings.applicationsSourceMode = known('settings.applicationsSourceMode', settings.applicationsSourceMode);
  if (!settings.applicationsMode) {
    settings.applicationsMode = /^folder$/i.test(settings.applicationsSourceMode || '') ? 'folder' : 'docker';
  }
  if (!settings.applicationsSourceMode) settings.applicationsSourceMode = settings.applicationsMode;
  if (/^folder$/i.test(settings.applicationsMode) && /^(docker|folder\+docker|docker\+folder)$/i.test(settings.applicationsSourceMode)) {
    settings.applicationsMode = 'docker';
  }
  return settings;
}

function hasAnonymousRole(settings, user, only) {
  const roles = (user && user.roles) || [];
  const anonymous = settings.anonymousAccess || {};
  if (!anonymous.token) return false;
  return only ? roles.length === 1 && roles[0].name === anonymous.role : roles.some((role) => role.name === anonymous.role);
}

async function impersonateAsAnonymous(settings) {
  try {
    const owner = hasAnonymousRole(settings, userInfoFromToken, true) ? userInfoFromToken : (await apiCall(settings, 'whoami')).payload;
    settings.isAnonymous = hasAnonymousRole(settings, owner, false);
    if (settings.isAnonymous) {
      settings.originalUserName = owner && owner.userName;
      // The real launcher checks the anonymous token at once (settings.js:419).
      await apiCall(settings, 'whoami');
    }
  } catch (error) {
    console.log('Error fetching user info:', error.message);
  }
  return settings;
}

let settingsPromise;

/** The settings (fetched once). */
export function fetchSettings() {
  if (!settingsPromise) {
    settingsPromise = getSettings()
      .then((answer) => mergeSettings(DEFAULT_SETTINGS, (answer || {})[document.location.hostname]))
      .catch((error) => {
        console.error('Error fetching settings:', error.message);
        const settings = mergeSettings(DEFAULT_SETTINGS);
        settings.settingsError = error.message;
        return settings;
      })
      .then(correctApplicationsMode)
      .then(impersonateAsAnonymous);
  }
  return settingsPromise;
}

let whoAmIPromise;

/** GET /whoami with the settings' authentication (called once, like the real who-am-i.js). */
export function whoAmI(settings) {
  if (!whoAmIPromise) whoAmIPromise = apiCall(settings, 'whoami');
  return whoAmIPromise;
}
