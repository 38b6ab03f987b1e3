import { describe, expect, test } from '@jest/globals';
import { BuildError, ConfigurationError, EnvironmentError, InputError, failureReport } from '../../src/lib/errors.js';

describe('failureReport: the failure line says whose fault it is', () => {
  test("the user's mistake is reported as it is, with nothing for the debug log", () => {
    expect(failureReport(new InputError('namespace', "'X' is not a namespace name"))).toEqual({ message: "Input 'namespace': 'X' is not a namespace name" });
    expect(failureReport(new ConfigurationError('the API token belongs to bob'))).toEqual({ message: 'the API token belongs to bob' });
  });

  test('an environment error says so, and its cause and stack go to the debug log', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' });
    const report = failureReport(new EnvironmentError("Input 'registry': cannot reach the registry", { cause }));
    expect(report.message).toBe("Environment error: Input 'registry': cannot reach the registry");
    expect(report.debug).toMatch(/^EnvironmentError: Input 'registry': cannot reach the registry\n\s+at /);
    expect(report.debug).toContain('caused by: Error: connect ECONNREFUSED 127.0.0.1:5000');
  });

  test('a failed build says so', () => {
    const report = failureReport(new BuildError("Input 'build-command': 'npm run build' failed with exit code 2"));
    expect(report.message).toBe("Build failed: Input 'build-command': 'npm run build' failed with exit code 2");
    expect(report.debug).toContain('BuildError');
  });

  test('anything else is a bug: its message, and its stack in the debug log', () => {
    const report = failureReport(new TypeError('x is undefined'));
    expect(report.message).toBe('x is undefined');
    expect(report.debug).toMatch(/^TypeError: x is undefined\n\s+at /);
    expect(failureReport('thrown text')).toEqual({ message: 'thrown text', debug: 'thrown text' });
  });
});
