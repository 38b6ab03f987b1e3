// Docker mode: the tools whose metadata `<tag>` equals `<tagValue>` (the launcher's host), found
// and described as the real launcher does it (src/models/applications.js:21-183,
// cloud-pipeline-api/metadata-search.js, tools.js, tool-image.js): /metadata/search for the tag
// and for the version tags, /dockerRegistry/loadTree for the tools, /tool/{id}/icon for icons.
import { apiCall } from './api.js';
import { availableStorages } from './available-storages.js';
import { whoAmI } from './settings.js';

async function searchTools(settings, pairs) {
  const found = await Promise.all(
    pairs.map(async ({ key, value, ...rest }) => {
      const answer = await apiCall(settings, `metadata/search?entityClass=TOOL&key=${key}&value=${value}`);
      return (answer.payload || []).map((item) => ({ id: Number(item.entityId), ...rest }));
    }),
  );
  return found.flat();
}

function versionTags(settings) {
  const tags = [];
  if (settings.latestTag) tags.push({ key: settings.latestTag, value: 'true', latest: true });
  if (settings.deprecatedTag) tags.push({ key: settings.deprecatedTag, value: 'true', deprecated: true });
  if (settings.readOnlyTag) tags.push({ key: settings.readOnlyTag, value: 'true', readOnly: true });
  if (settings.disablePackages && settings.disablePackages.tag) tags.push({ key: settings.disablePackages.tag, value: 'true', disablePackages: true });
  return tags;
}

async function loadTools(settings) {
  const answer = await apiCall(settings, 'dockerRegistry/loadTree');
  if (answer.status !== 'OK') throw new Error(answer.message || `Error fetching tools (status ${answer.status})`);
  const tools = [];
  for (const registry of (answer.payload && answer.payload.registries) || []) {
    for (const group of registry.groups || []) {
      for (const tool of group.tools || []) {
        tools.push({ ...tool, image: `${tool.registry}/${tool.image}`, description: tool.shortDescription, name: tool.image.split('/').pop() });
      }
    }
  }
  return tools;
}

async function toolIcon(settings, id) {
  try {
    const blob = await apiCall(settings, `tool/${id}/icon`, { blob: true });
    return await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onloadend = () => resolve(reader.result);
      reader.readAsDataURL(blob);
    });
  } catch {
    return undefined;
  }
}

/** `{applications, user}`: the tools of this launcher, each with `iconData` when it has an icon. */
export async function fetchDockerApplications(settings) {
  await availableStorages(settings);
  const { payload: user } = await whoAmI(settings);
  const ids = await searchTools(settings, [{ key: settings.tag, value: settings.tagValue }]);
  const versions = await searchTools(settings, versionTags(settings));
  const all = (await loadTools(settings)).filter((tool) => !tool.link);
  const applications = ids
    .map(({ id, ...rest }) => {
      const tool = all.find((candidate) => Number(candidate.id) === id);
      const flags = versions.filter((entry) => entry.id === id).reduce((merged, entry) => ({ ...merged, ...entry }), {});
      return tool ? { ...tool, ...rest, ...flags } : undefined;
    })
    .filter(Boolean);
  for (const application of applications) {
    if (application.hasIcon) application.iconData = await toolIcon(settings, application.id);
  }
  return { applications, user };
}
