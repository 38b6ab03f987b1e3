// Folder mode: the applications whose `gateway.spec` files sit in a storage under
// `appConfigPath`, found as the real launcher finds them (src/models/fetch-folder-applications.js,
// parse-storage-placeholder.js, process-string.js, utilities/path-component.js,
// folder-applications/read-application-info.js, cloud-pipeline-api/data-storage-list.js and
// data-storage-item-content.js). The list page asks for no user (folder-app.js:59 passes only the
// URL's options), so the owner is the settings' service user.
import { apiCall, apiPayload } from './api.js';
import { availableStorages } from './available-storages.js';

const trimSlashes = (path) => (path || '').replace(/^\/+|\/+$/g, '');

/** The storage id `appConfigStorage` names for this owner (`user_default_storage` needs the owner's defaultStorageId). */
export function resolveStorage(placeholder, owner) {
  if (/^user_default_storage$/i.test(`${placeholder}`) && owner && owner.defaultStorageId) return `${owner.defaultStorageId}`;
  return placeholder;
}

/** `[name]` / `[name:modifier]` placeholders replaced by the given values (case-insensitive names). */
export function processString(text, values) {
  return text.replace(/\[([^\]]+)\]/g, (whole, inner) => {
    const [name, modifier] = inner.split(':');
    const key = Object.keys(values).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key === undefined || values[key] === undefined) return whole;
    const value = `${values[key]}`;
    return /^upper/i.test(modifier || '') ? value.toUpperCase() : /^lower/i.test(modifier || '') ? value.toLowerCase() : value;
  });
}

/** The path split where a listing is needed: fixed parts joined, placeholder parts and the file name alone. */
function pathComponents(path) {
  const parts = trimSlashes(path).split('/');
  const components = [];
  parts.forEach((part, index) => {
    const placeholders = /\[[^[\]]+\]/.test(part);
    const last = index === parts.length - 1;
    const previous = components[components.length - 1];
    if (previous && !previous.placeholders && !placeholders && !last) previous.path += `/${part}`;
    else components.push({ path: part, placeholders, last });
  });
  return components.map((component) => ({ ...component, ...matcherOf(component.path) }));
}

function matcherOf(pattern) {
  const names = [];
  const escaped = pattern.split(/(\[[^[\]]*\])/).map((piece) => {
    if (!/^\[.*\]$/.test(piece)) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(piece.slice(1, -1).split(':')[0]);
    return '(.*?)';
  });
  const mask = new RegExp(`^${escaped.join('')}$`, 'i');
  return {
    parse(name) {
      const match = mask.exec(name);
      return match ? Object.fromEntries(names.map((key, index) => [key, match[index + 1]])) : undefined;
    },
  };
}

async function listFolder(settings, storage, path) {
  const items = [];
  let marker;
  try {
    do {
      const query = ['showVersion=false', 'pageSize=100', path ? `path=${encodeURIComponent(path)}` : '', marker ? `marker=${marker}` : ''].filter(Boolean);
      const page = await apiPayload(settings, `datastorage/${storage}/list/page?${query.join('&')}`);
      items.push(...((page && page.results) || []));
      marker = page && page.nextPageMarker;
    } while (marker);
  } catch (error) {
    console.warn(error.message);
  }
  return items;
}

async function findSpecs(settings, storage, components, root, info) {
  const [current, ...rest] = components;
  let matches;
  if (current.placeholders || current.last) {
    const items = await listFolder(settings, storage, root);
    matches = items
      .filter((item) => /^file$/i.test(item.type) === current.last)
      .map((item) => ({ path: trimSlashes(item.path), parsed: current.parse(item.name) }))
      .filter((item) => item.parsed)
      .map((item) => ({ path: item.path, info: { ...info, ...item.parsed } }));
  } else {
    matches = [{ path: trimSlashes(`${trimSlashes(root)}/${current.path}`), info }];
  }
  if (rest.length === 0) return matches;
  const nested = await Promise.all(matches.map((match) => findSpecs(settings, storage, rest, match.path, match.info)));
  return nested.flat();
}

async function readSpec(settings, storage, path) {
  try {
    const answer = await apiCall(settings, `datastorage/${storage}/content?path=${encodeURIComponent(trimSlashes(path))}`);
    if (answer.status !== 'OK' || !answer.payload || !answer.payload.content) return undefined;
    return JSON.parse(atob(answer.payload.content));
  } catch {
    return undefined;
  }
}

/** `{applications, reason?}`: the folder applications the list page shows; `reason` says why there are none. */
export async function fetchFolderApplications(settings) {
  await availableStorages(settings);
  const placeholder = settings.folderApplicationUserPlaceholder || 'user';
  const owner = settings.serviceUser ? { userName: settings.serviceUser } : undefined;
  const storage = resolveStorage(settings.appConfigStorage, owner);
  if (Number.isNaN(Number(storage)) || !settings.appConfigPath) {
    return {
      applications: [],
      reason: `appConfigStorage "${settings.appConfigStorage}" names no storage for the service user ${owner ? owner.userName : '(none)'}, so the Quick Launcher lists no folder application here`,
    };
  }
  const path = processString(settings.appConfigPath, { [placeholder]: owner && owner.userName });
  const specs = await findSpecs(settings, storage, pathComponents(path), '', {});
  const applications = [];
  for (const spec of specs) {
    const info = await readSpec(settings, storage, spec.path);
    if (!info) continue;
    applications.push({ id: `${storage}_${spec.path}`, name: info.name || spec.info.app, description: info.description, version: info.version || spec.info.version, path: spec.path });
  }
  return { applications, reason: applications.length === 0 ? `no gateway.spec under ${path} in storage #${storage}` : undefined };
}
