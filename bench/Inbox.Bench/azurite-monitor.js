// Preloaded into the benchmark's Azurite (NODE_OPTIONS=--require): once a second, appends to the file named by
// INBOX_BENCH_AZURITE_MONITOR the time (process.hrtime, the monotonic clock .NET's Stopwatch reads on Linux), the
// longest delay of the event loop in that second in milliseconds (a timer firing late: synchronous work, a garbage
// collection, or the process waiting for a CPU) and the share of that second the event loop was busy. The harness
// reads it back for the latency phase: storage that cannot answer for 400 ms makes a 400 ms message, whatever the
// inbox does.
'use strict';
const fs = require('fs');
const { monitorEventLoopDelay, performance } = require('perf_hooks');

const path = process.env.INBOX_BENCH_AZURITE_MONITOR;
if (path) {
  const out = fs.openSync(path, 'a');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let busy = performance.eventLoopUtilization();
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    const second = performance.eventLoopUtilization(now, busy);
    busy = now;
    fs.writeSync(out, `${process.hrtime.bigint()} ${(delay.max / 1e6).toFixed(1)} ${second.utilization.toFixed(3)}\n`);
    delay.reset();
  }, 1000).unref();
}
