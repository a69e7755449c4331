/**
 * What Linux's /proc says about a server's processes, for the tests of several processes and the benchmarks: which
 * are its workers, which of them hold the connections clients opened to its port, and the CPU time each has used.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process has exited meanwhile
  }
}

/**
 * The fields of /proc/PID/stat after "pid (comm) " — [0] the state, [1] the parent's pid, [11] utime, [12] stime —
 * or none once the process has exited. The command name may hold spaces and parentheses: the last ')' ends it.
 */
function statFields(pid: number): string[] {
  const stat = readOrEmpty(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : [];
}

/** The CPU time a process has used, in ms (utime + stime, in clock ticks of 10 ms); a benchmark reads the server's. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The server's worker processes: its children running server.ts (tsx also starts an esbuild child, not one). */
export function workerPids(primaryPid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const parent = Number(statFields(pid)[1]);
      return parent === primaryPid && readOrEmpty(`/proc/${pid}/cmdline`).includes('server.ts');
    })
    .sort((a, b) => a - b);
}

/** The inodes of the established TCP connections whose local end is `port` (the server's side of them). */
function serverSideSockets(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOrEmpty(table).split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (local && state === '01' && parseInt(local.split(':').at(-1)!, 16) === port) inodes.add(inode!);
    }
  }
  return inodes;
}

/** Which of `pids` hold at least one established connection to `port`, i.e. answer clients there. */
export function pidsHoldingConnections(pids: number[], port: number): number[] {
  const sockets = serverSideSockets(port);
  return pids.filter((pid) => {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      return false;
    }
    return fds.some((fd) => {
      try {
        return sockets.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '');
      } catch {
        return false;
      }
    });
  });
}
