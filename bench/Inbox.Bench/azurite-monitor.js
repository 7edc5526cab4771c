// Preloaded into the benchmark's Azurite (NODE_OPTIONS=--require): once a second, appends to the file named by
// INBOX_BENCH_AZURITE_MONITOR the time (process.hrtime, the monotonic clock .NET's Stopwatch reads on Linux), the
// longest delay of the event loop in that second in milliseconds (a timer firing late: synchronous work, a garbage
// collection, or the process waiting for a CPU), the share of that second the event loop was busy, and the longest
// and the total garbage-collection pause reported in that second (ms). The harness reads it back for the latency
// phase: storage that cannot answer for 400 ms makes a 400 ms message, whatever the inbox does, and the collections
// tell a pause of the emulator's own heap from a wait for a CPU.
'use strict';
const fs = require('fs');
const { monitorEventLoopDelay, performance, PerformanceObserver } = require('perf_hooks');

const path = process.env.INBOX_BENCH_AZURITE_MONITOR;
if (path) {
  const out = fs.openSync(path, 'a');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let busy = performance.eventLoopUtilization();
  let [longestCollection, collections] = [0, 0];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      longestCollection = Math.max(longestCollection, entry.duration);
      collections += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    const second = performance.eventLoopUtilization(now, busy);
    busy = now;
    fs.writeSync(out, `${process.hrtime.bigint()} ${(delay.max / 1e6).toFixed(1)} ${second.utilization.toFixed(3)} ${longestCollection.toFixed(1)} ${collections.toFixed(1)}\n`);
    delay.reset();
    [longestCollection, collections] = [0, 0];
  }, 1000).unref();
}
