import { describe, expect, it } from '@jest/globals';
import { getInputs } from '../../../src/actions/build-dist-with-launcher/inputs.js';
import {
  archivesOf,
  buildVariables,
  cacheKeyOf,
  cacheOutcome,
  chooseVersion,
  inputsDigestOf,
  planBuild,
  sourceTimeOf,
  versionFromName,
  type CacheKeyFacts,
} from '../../../src/actions/build-dist-with-launcher/plan.js';
import { InputReader, inputsFrom } from '../../../src/lib/inputs.js';
import { FALLBACK_EPOCH, type TarEntry } from '../../../src/lib/tarball.js';

const inputs = (values: Record<string, string> = {}) => getInputs(new InputReader(inputsFrom({ 'launcher-source': '/src/ql', ...values })), {});

describe('the version', () => {
  it.each([
    ['the input wins', { version: '9.9' }, '2.0.0', '9.9'],
    ['else the distribution file name', { distribution: '/in/cloud-pipeline.0.17.0.1234.tgz' }, '2.0.0', '0.17.0.1234'],
    ['a .tar.gz name too', { distribution: '/in/cloud-pipeline.1.0.tar.gz' }, undefined, '1.0'],
    ['a distribution folder names none: package.json', { distribution: '/in/dist' }, '2.0.0', '2.0.0'],
    ['else package.json', {}, '2.0.0', '2.0.0'],
  ])('%s', (_name, values, packageVersion, expected) => {
    expect(chooseVersion(inputs(values), packageVersion)).toBe(expected);
  });

  it('is an InputError naming version when nothing gives one, or when the one found is unsafe', () => {
    expect(() => chooseVersion(inputs(), undefined)).toThrow("Input 'version': was not given, and neither the distribution file name");
    expect(() => chooseVersion(inputs(), '1.0/../x')).toThrow(/^Input 'version': '1.0\/..\/x' is not a valid version/);
  });

  it.each([
    ['cloud-pipeline.0.17.tgz', '0.17'],
    ['/a/b/cloud-pipeline.1.2-rc.tar.gz', '1.2-rc'],
    ['other.0.17.tgz', undefined],
    ['cloud-pipeline.tgz', undefined],
  ])('versionFromName(%p) = %p', (path, version) => {
    expect(versionFromName(path)).toBe(version);
  });
});

describe('the archives\' time', () => {
  it.each([
    ['SOURCE_DATE_EPOCH wins', { sourceDateEpoch: '1700000000', commitTime: '1600000000' }, { epoch: 1700000000, from: 'SOURCE_DATE_EPOCH' }],
    ['else the commit time', { commitTime: '1600000000' }, { epoch: 1600000000, from: 'commit' }],
    ['no commit: the fixed time', {}, { epoch: FALLBACK_EPOCH, from: 'fixed' }],
    ['a commit time that is not a number: the fixed time', { commitTime: 'x' }, { epoch: FALLBACK_EPOCH, from: 'fixed' }],
  ])('%s', (_name, facts, expected) => {
    expect(sourceTimeOf(facts)).toEqual(expected);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    expect(() => sourceTimeOf({ sourceDateEpoch: 'yesterday' })).toThrow("SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds since 1970-01-01");
  });
});

describe('planBuild', () => {
  it('gives the build its version, commit, asset paths and the user\'s build-env, sorted, and the two commands', () => {
    const plan = planBuild(inputs({ version: '1.2.3', 'build-env': 'LOGO=assets/mine.png\nCP_APPLICATIONS_TITLE=Apps', 'install-command': 'npm ci' }), { commit: 'abc123' });
    expect(plan).toEqual({
      version: '1.2.3',
      time: { epoch: FALLBACK_EPOCH, from: 'fixed' },
      description: 'abc123',
      variables: { BACKGROUND: 'assets/background.png', BUILD_DESCRIPTION: 'abc123', BUILD_VERSION: '1.2.3', CP_APPLICATIONS_TITLE: 'Apps', FAVICON: 'assets/favicon.png', LOGO: 'assets/mine.png' },
      steps: [
        { input: 'install-command', argv: ['npm', 'ci'] },
        { input: 'build-command', argv: inputs().buildCommand },
      ],
      archives: { distribution: 'cloud-pipeline.1.2.3.tgz', launcher: 'quick-launcher.1.2.3.tgz' },
    });
    expect(Object.keys(plan.variables)).toEqual(Object.keys(plan.variables).sort());
  });

  it('describes a source outside git by its version, the same on every run', () => {
    expect(planBuild(inputs({ version: '1.2.3' }), {}).description).toBe('quick-launcher 1.2.3');
  });

  it('names the missing version before a bad SOURCE_DATE_EPOCH', () => {
    expect(() => planBuild(inputs(), { sourceDateEpoch: 'yesterday' })).toThrow(/^Input 'version'/);
  });

  it('lets build-env override the defaults', () => {
    expect(buildVariables('1', 'd', new Map([['BUILD_VERSION', 'mine']])).BUILD_VERSION).toBe('mine');
  });
});

describe('the cache key', () => {
  const base: CacheKeyFacts = {
    sources: { 'src/a.js': '-aa' },
    lockfiles: { 'package-lock.json': 'll' },
    variables: { BUILD_VERSION: '1' },
    installCommand: ['npm', 'ci'],
    buildCommand: ['npm', 'run', 'build'],
    buildOutput: 'build',
    platform: 'linux-x64-node24',
  };

  it('is named for the launcher build and the same for the same facts', () => {
    expect(cacheKeyOf(base)).toMatch(/^quick-launcher-build-[0-9a-f]{64}$/);
    expect(cacheKeyOf({ ...base, sources: { 'src/a.js': '-aa' } })).toBe(cacheKeyOf(base));
  });

  it.each<[string, Partial<CacheKeyFacts>]>([
    ['a source file', { sources: { 'src/a.js': '-bb' } }],
    ['a source made executable', { sources: { 'src/a.js': 'xaa' } }],
    ['the lockfile', { lockfiles: { 'package-lock.json': 'mm' } }],
    ['a variable', { variables: { BUILD_VERSION: '2' } }],
    ['the install command', { installCommand: ['npm', 'install'] }],
    ['the build command', { buildCommand: ['npm', 'run', 'dist'] }],
    ['the build output', { buildOutput: 'dist' }],
    ['the platform', { platform: 'darwin-arm64-node24' }],
  ])('changes with %s', (_name, change) => {
    expect(cacheKeyOf({ ...base, ...change })).not.toBe(cacheKeyOf(base));
  });

  it('makes the output\'s inputs digest, which also changes with the version, time and the input distribution', () => {
    const plan = { version: '1', time: { epoch: 5, from: 'fixed' as const } };
    const digest = inputsDigestOf('k', plan, undefined);
    expect(inputsDigestOf('k', plan, undefined)).toBe(digest);
    expect(inputsDigestOf('k2', plan, undefined)).not.toBe(digest);
    expect(inputsDigestOf('k', { ...plan, version: '2' }, undefined)).not.toBe(digest);
    expect(inputsDigestOf('k', { ...plan, time: { epoch: 6, from: 'fixed' } }, undefined)).not.toBe(digest);
    expect(inputsDigestOf('k', plan, [])).not.toBe(digest);
  });
});

describe('cacheOutcome', () => {
  const cache = { description: 'local folder /c' };
  it.each([
    ['no cache: build, nothing saved, nothing said', undefined, false, { hit: false, build: true, save: false }],
    ['a valid restore: the build is skipped', cache, true, { hit: true, build: false, save: false, line: 'cache hit (local folder /c, k): install and build skipped' }],
    ['a miss: build, then save', cache, false, { hit: false, build: true, save: true, line: 'cache miss (k)' }],
  ])('%s', (_name, given, restoredValid, expected) => {
    expect(cacheOutcome(given, 'k', restoredValid)).toEqual(expected);
  });
});

describe('archivesOf', () => {
  const launcher: TarEntry[] = [{ type: 'directory', path: 'quick-launcher' }];
  const input: TarEntry[] = [{ type: 'directory', path: 'deploy' }];
  const archives = { distribution: 'cloud-pipeline.1.tgz', launcher: 'quick-launcher.1.tgz' };

  it.each([
    ['with an input distribution: its entries, then the launcher', input, [...input, ...launcher]],
    ['without one: the launcher alone, in both', undefined, launcher],
  ])('%s', (_name, given, distribution) => {
    expect(archivesOf({ archives }, given, launcher)).toEqual([
      { name: 'cloud-pipeline.1.tgz', entries: distribution },
      { name: 'quick-launcher.1.tgz', entries: launcher },
    ]);
  });
});
