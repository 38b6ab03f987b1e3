/**
 * Hand-off inputs: a folder one stage of the root action writes and a later stage reads
 * (stages.ts WIRED_INPUTS). The root parses every stage's inputs before the first stage runs, so
 * such an input is not known yet at parse time: it is `Pending` on the stage that writes it, and
 * resolved to that stage's output just before the reading stage runs.
 */

/** An input an earlier stage's output gives, once that stage ran. */
export interface Pending {
  readonly pending: true;
  /** The stage that writes it. */
  readonly from: string;
  /** Its output (as named in that stage's action.yml). */
  readonly output: string;
}

/** A hand-off input as parsed: given as a value, or pending on an earlier stage. */
export type Handoff = string | Pending;

/** Parsed inputs with every hand-off known: what a stage's work receives. */
export type Resolved<T> = { [K in keyof T]: Exclude<T[K], Pending> };

export function isPending(value: unknown): value is Pending {
  return typeof value === 'object' && value !== null && (value as Partial<Pending>).pending === true;
}

/** Replaces each pending field of `inputs` (top level only: hand-offs are plain inputs) with its value. */
export function resolveHandoffs<T extends object>(inputs: T, valueOf: (pending: Pending) => string): Resolved<T> {
  const resolved = { ...inputs } as Record<string, unknown>;
  for (const [key, value] of Object.entries(resolved)) if (isPending(value)) resolved[key] = valueOf(value);
  return resolved as Resolved<T>;
}

/** Inputs parsed outside the root action's chain (a step of its own, a test): nothing is pending. */
export function given<T extends object>(inputs: T): Resolved<T> {
  return resolveHandoffs(inputs, (pending) => {
    throw new Error(`input pending on stage ${pending.from} outside a chain`);
  });
}
