import type { Preference, PreferenceType } from './dtos.js';
import { DATA_STORAGE_TEMPLATE, readDto } from './dtos.js';

/**
 * The system preferences the stand-in knows, at their upstream defaults
 * (`manager/preference/SystemPreferences.java`, lines given per entry). `GET /preferences`
 * returns each of them whether stored or not (`PreferenceManager.java:130-136`); a default has
 * no createdDate and, under NON_EMPTY, no value when its default is null.
 */
export interface SystemPreference {
  name: string;
  defaultValue?: string;
  type: PreferenceType;
  group: string;
  /** Refuses a value the upstream validator refuses. */
  validate?: (value: string) => boolean;
}

const DATA_STORAGE = 'Data storage';
const positive = (value: string) => /^\d+$/.test(value.trim()) && Number(value) > 0;

/** `isNullOrValidJson(DataStorageTemplate)`: parsed by the strict mapper (`PreferenceValidators.java:113-122`). */
function validTemplate(value: string): boolean {
  try {
    readDto(JSON.parse(value), DATA_STORAGE_TEMPLATE);
    return true;
  } catch {
    return false;
  }
}

export const SYSTEM_PREFERENCES: readonly SystemPreference[] = [
  { name: 'storage.temp.credentials.duration', defaultValue: '3600', type: 'INTEGER', group: DATA_STORAGE, validate: positive }, // :200-201
  { name: 'storage.user.home.auto', defaultValue: 'false', type: 'BOOLEAN', group: DATA_STORAGE }, // :206-207
  { name: 'storage.user.home.template', type: 'OBJECT', group: DATA_STORAGE, validate: validTemplate }, // :208-213
  { name: 'storage.operations.bulk.size', defaultValue: '1000', type: 'INTEGER', group: DATA_STORAGE, validate: positive }, // :214-215
  { name: 'storage.object.prefix', type: 'STRING', group: DATA_STORAGE }, // :268-269
  { name: 'storage.listing.time.limit', defaultValue: '3000', type: 'LONG', group: DATA_STORAGE }, // :270-271
  { name: 'cluster.instance.type', defaultValue: 'm5.large', type: 'STRING', group: 'Cluster' }, // :484-485
  { name: 'launch.jwt.token.expiration', defaultValue: '2592000', type: 'INTEGER', group: 'Launch', validate: positive }, // :748-749
  { name: 'launch.docker.image', type: 'STRING', group: 'Launch' }, // :868-869
  { name: 'system.user.ssh.keys.auto.create', defaultValue: 'true', type: 'BOOLEAN', group: 'System' }, // :1159-1160
  { name: 'misc.max.tool.icon.size.kb', defaultValue: '50', type: 'INTEGER', group: 'Miscellaneous', validate: positive }, // :1265-1266
];

export function systemPreference(name: string): SystemPreference | undefined {
  return SYSTEM_PREFERENCES.find((preference) => preference.name === name);
}

/** A system preference at its default, as `AbstractSystemPreference.toPreference()` builds it (visible false). */
export function defaultPreference(preference: SystemPreference): Preference {
  return { name: preference.name, value: preference.defaultValue as string, type: preference.type, preferenceGroup: preference.group, visible: false };
}
