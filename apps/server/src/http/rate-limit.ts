/**
 * A token bucket per client: `burst` requests at once, refilled at `perSecond`. Buckets that
 * have refilled completely are dropped on the periodic sweep, so memory stays bounded by the
 * clients seen in the last few seconds.
 */
export interface RateLimiter {
  /** 0 when allowed; otherwise the whole seconds to wait (for Retry-After). */
  take(client: string): number;
  close(): void;
}

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; updatedAt: number }>();
  const { perSecond, burst } = options;
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const [client, bucket] of buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond >= burst) buckets.delete(client);
    }
  }, 10_000);
  sweep.unref();
  return {
    take(client) {
      const now = performance.now();
      let bucket = buckets.get(client);
      if (!bucket) {
        bucket = { tokens: burst, updatedAt: now };
        buckets.set(client, bucket);
      } else {
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
        bucket.updatedAt = now;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
    close() {
      clearInterval(sweep);
    },
  };
}
