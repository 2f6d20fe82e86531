// Amazon's usage plans: each operation is a token bucket (a rate per second and a burst), per selling partner and
// application. The buckets live in the process; a 429 says when another process (or Amazon's own count) disagrees.

export interface UsagePlan {
  /** Requests per second, refilled continuously. */
  rate: number;
  burst: number;
}

/** The default usage plans of the operations Reclaim calls, from Amazon's API models. */
export const USAGE_PLANS = {
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReports: { rate: 0.0222, burst: 10 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  getShipments: { rate: 2, burst: 30 },
  getShipmentItems: { rate: 2, burst: 30 },
  getShipmentItemsByShipmentId: { rate: 2, burst: 30 },
  listTransactions: { rate: 0.5, burst: 10 },
} as const satisfies Record<string, UsagePlan>;

export type Operation = keyof typeof USAGE_PLANS;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  plan: UsagePlan;

  constructor(plan: UsagePlan, now: number) {
    this.plan = plan;
    this.tokens = plan.burst;
    this.updatedAt = now;
  }

  /** The rate Amazon says it grants (x-amzn-RateLimit-Limit), which may differ from the model's default. */
  adopt(rate: number) {
    if (rate !== this.plan.rate) this.plan = { rate, burst: this.plan.burst };
  }

  private refill(now: number) {
    this.tokens = Math.min(this.plan.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.plan.rate);
    this.updatedAt = now;
  }

  /** Takes a token when one is there and answers 0; else answers how many milliseconds until one is. */
  take(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    // Less a hair: floating point must not turn 1000 ms into 1001.
    return Math.ceil(((1 - this.tokens) / this.plan.rate) * 1000 - 1e-6);
  }

  /**
   * Amazon said 429: whatever this process counted, the next token comes in `waitMs` (its Retry-After, else the
   * time the plan takes to refill one).
   */
  emptyFor(now: number, waitMs = 1000 / this.plan.rate) {
    this.refill(now);
    this.tokens = Math.min(this.tokens, 1 - (waitMs / 1000) * this.plan.rate);
  }
}

const buckets = new Map<string, TokenBucket>();

/** The bucket of one operation for one connection, shared by every sync of this process. */
export function bucketOf(connectionKey: string, operation: Operation, now: number): TokenBucket {
  const key = `${connectionKey}:${operation}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(USAGE_PLANS[operation], now);
    buckets.set(key, bucket);
  }
  return bucket;
}
