/** Fault injection of the stand-in; every field optional, all off by default. */
export interface FaultOptions {
  /** Added before every API call is answered, in ms. */
  latencyMs?: number;
  /** Fraction of API calls answered 503 (0..1). */
  errorRate?: number;
  /** Fraction of API calls answered 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Fraction of API calls whose connection is dropped without an answer. */
  dropRate?: number;
  /** Fraction of API calls carried out whose answer is then lost (the connection drops). */
  dropAfterRate?: number;
  /** 1-based API call numbers answered with a 500 ERROR (not retryable: the run stops there). */
  failAt?: number[];
  /** Seed of the fault dice, so a failing run can be replayed. */
  seed?: number;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'status'; status: 503 | 500; message: string }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'drop' }
  | { kind: 'drop-after' };

/** mulberry32: a small seeded PRNG, enough for fault dice. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, call by call, which fault (if any) to inject. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = Math.random;
  private calls = 0;

  constructor(options: FaultOptions = {}) {
    this.configure(options);
  }

  /** Replaces the fault settings (the call counter for `failAt` keeps running). */
  configure(options: FaultOptions): void {
    this.options = { ...options };
    this.random = options.seed === undefined ? Math.random : prng(options.seed);
  }

  get settings(): FaultOptions {
    return { ...this.options, callsSoFar: this.calls } as FaultOptions;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  /** Called once per API call, in arrival order. */
  next(): FaultDecision {
    this.calls++;
    if (this.options.failAt?.includes(this.calls)) {
      return { kind: 'status', status: 500, message: `Injected failure at call ${this.calls}` };
    }
    const { errorRate = 0, rateLimitRate = 0, dropRate = 0, dropAfterRate = 0 } = this.options;
    const dice = this.random();
    if (dice < errorRate) return { kind: 'status', status: 503, message: 'Injected 503 Service Unavailable' };
    if (dice < errorRate + rateLimitRate) return { kind: 'rate-limit', retryAfterSeconds: this.options.retryAfterSeconds ?? 1 };
    if (dice < errorRate + rateLimitRate + dropRate) return { kind: 'drop' };
    if (dice < errorRate + rateLimitRate + dropRate + dropAfterRate) return { kind: 'drop-after' };
    return { kind: 'none' };
  }
}
