import * as core from '@actions/core';
import { InputError } from './errors.js';
import type { Handoff, Pending } from './handoff.js';
import { KeyValueSyntaxError, parseKeyValues } from './key-values.js';

/** Where raw input strings come from: the runner's `INPUT_*` variables, or a map in tests. */
export type InputSource = (name: string) => string;

/** Reads inputs the way the runner passes them (`INPUT_<NAME>`, hyphens kept). */
export const runnerInputs: InputSource = (name) => core.getInput(name);

/** Builds an InputSource from a plain object, for tests and for the root action's stages. */
export function inputsFrom(values: Record<string, string | undefined>): InputSource {
  return (name) => (values[name] ?? '').trim();
}

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/**
 * Typed access to action inputs. Each reader validates its value and throws an InputError that
 * names the input; `getInputs()` of each action is the only place that uses one.
 */
export class InputReader {
  /** `wired`: the hand-off inputs an earlier stage of the root action will give (handoff.ts). */
  constructor(
    private readonly source: InputSource = runnerInputs,
    private readonly wired: (name: string) => Pending | undefined = () => undefined,
  ) {}

  /** A hand-off input: pending on the stage that writes it, else the given value (undefined when empty). */
  handoff(name: string): Handoff | undefined {
    return this.wired(name) ?? this.optional(name);
  }

  /** A hand-off input that must be given when no earlier stage writes it. */
  requiredHandoff(name: string): Handoff {
    return this.wired(name) ?? this.required(name);
  }

  /** The trimmed value, or undefined when empty. */
  optional(name: string): string | undefined {
    const value = this.source(name).trim();
    return value === '' ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new InputError(name, 'is required and was not given');
    return value;
  }

  /** YAML 1.2 core booleans, as @actions/core accepts them. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    throw new InputError(name, `'${value}' is not a boolean (use true or false)`);
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InputError(name, `'${value}' is not one of ${choices.join(', ')}`);
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.optional(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new InputError(name, `'${value}' is not a whole number`);
    const number = Number(value);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = range;
    if (number < min || number > max) {
      throw new InputError(name, `${number} is outside ${min}..${max}`);
    }
    return number;
  }

  /** A multiline KEY=VALUE input; a bad line is named with its line number. */
  keyValues(name: string): Map<string, string> {
    const value = this.optional(name);
    if (value === undefined) return new Map();
    try {
      return parseKeyValues(value);
    } catch (error) {
      if (error instanceof KeyValueSyntaxError) throw new InputError(name, error.message);
      throw error;
    }
  }

  /** A list given one item per line or comma-separated; empty items are dropped. */
  list(name: string): string[] {
    const value = this.optional(name);
    if (value === undefined) return [];
    return value
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }
}
