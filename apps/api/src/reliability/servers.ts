import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';

/** The servers a run starts on its one database file, so that every one is stopped at the end whatever happens. */
export class Servers {
  private readonly started: SpawnedServer[] = [];

  constructor(readonly url: string) {}

  /** The real server (what `npm start` runs) on the file: the demo data on a first start, no web app, quiet logs. */
  async start(): Promise<SpawnedServer> {
    const server = await spawnServer({ DATABASE_URL: this.url, DEMO_DATA: 'true', WEB_DIST: '', LOG_LEVEL: 'warn' });
    this.started.push(server);
    return server;
  }

  /** The servers' error log lines so far (an unexpected error is logged with its request id and stack). */
  errorLines(): string[] {
    return this.started.flatMap((server) => server.printed().split('\n').filter((line) => line.includes('"level":"error"')));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.started.map((server) => server.stop()));
  }
}
