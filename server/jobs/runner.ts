import type { Logger } from '../log.ts';

/** A background job: runs now and then; must be safe when several app instances run it. */
export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** Runs each job on its interval, one run at a time per job; `stop` waits for runs in flight. */
export function startJobs(jobs: Job[], log: Logger): { stop(): Promise<void> } {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run()
        .catch((e: Error) => log.error('job failed', { job: job.name, error: e.message }))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    setImmediate(tick);
    return timer;
  });
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}
