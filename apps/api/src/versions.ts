import { getVersions, type Db, type Versions } from '@dispatch/db';
import type { Context } from 'hono';
import type { AppEnv } from './router.ts';

/**
 * Reads that concurrent requests may share — but a request shares only a read that starts after it arrived, so
 * that a write committed before the request arrived (a sign-out, new settings, new data in another process) is
 * always seen. A request arriving while a read is in flight waits for the next one, which starts when the one in
 * flight ends; every request that arrives before that next read starts shares it. A read is started on the next
 * turn of the event loop (setImmediate), so the requests that arrive together under load share it even when the
 * database answers synchronously (an embedded file).
 */
export class CoalescedRead<T> {
  /** the read started and not yet settled */
  private running: Promise<T> | undefined;
  /** the read not yet started, which every request arriving now may share */
  private queued: Promise<T> | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly defer: (start: () => void) => void = setImmediate,
  ) {}

  get(): Promise<T> {
    if (this.queued) return this.queued;
    const before = this.running;
    const queued: Promise<T> = new Promise<void>((resolve) => {
      if (before) before.then(() => resolve(), () => resolve());
      else this.defer(resolve);
    }).then((): Promise<T> => this.start(queued));
    this.queued = queued;
    return queued;
  }

  private start(queued: Promise<T>): Promise<T> {
    if (this.queued === queued) this.queued = undefined;
    const running = this.read();
    this.running = running;
    const settled = () => {
      if (this.running === running) this.running = undefined;
    };
    running.then(settled, settled);
    return running;
  }
}

/** The versions of the database, read at most once per request, by a read shared with the requests that arrived with it. */
export function versionReader(db: Db): CoalescedRead<Versions> {
  return new CoalescedRead(() => getVersions(db));
}

/** This request's versions: read once, when first needed (the access guard, a cached answer), then kept. */
export function requestVersions(c: Context<AppEnv>): Promise<Versions> {
  let versions = c.get('versions');
  if (!versions) c.set('versions', (versions = c.get('versionReader').get()));
  return versions;
}
