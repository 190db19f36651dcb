// One line describing where a benchmark ran: the figures mean little without the machine and how busy it was.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export function machineLine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return (
    `machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}; ` +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`
  );
}

export function loadLine() {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
