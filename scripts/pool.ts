/**
 * Runs async jobs at most `limit` at a time, in order of the list; results in the jobs' order.
 * Used where work is CPU-heavy or runs on libuv's thread pool (scripts/search-index.ts,
 * scripts/precompress.ts), so that starting everything at once would only queue it elsewhere.
 */
export async function pool<T, R>(
  jobs: readonly T[],
  limit: number,
  run: (job: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await run(jobs[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return results;
}
