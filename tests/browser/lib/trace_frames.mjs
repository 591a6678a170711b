// tests/browser/lib/trace_frames.mjs: what the worst frames are made of (issue 16), for the area benchmarks.
// towardTest.frameStats times the module's frame callback, which holds V8's garbage collections when one
// falls in it: a young-generation collection (a scavenge) runs on the allocation that finds the young space
// full, so it pauses whatever code is running then, our frame or a sync's callback. This records a Chrome
// trace (CDP Tracing) around some work and, for each animation frame on the page's main thread
// (devtools.timeline "FireAnimationFrame": the frame callback), how much of it was a collection (V8's
// "MinorGC" / "MajorGC" events inside it). The benches trace the run whose figures they print (tracing
// these categories did not move the sealing frames' median; it may lengthen the worst ones). Numbers never
// fail anything.

const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'];
const FRAME = 'FireAnimationFrame';
const COLLECTIONS = new Set(['MinorGC', 'MajorGC']);

// Runs `work()` with a trace recording; returns {result, frames: frameParts(the events), events}.
export async function traceFrames(context, page, work) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value) events.push(ev); });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  let result, ended;
  try {
    result = await work();
  } finally {
    await cdp.send('Tracing.end');
    ended = await complete;
    await cdp.detach();
  }
  const frames = frameParts(events);
  if (frames) frames.dataLost = !!(ended && ended.dataLossOccurred);   // the buffer filled: early events are gone
  return { result, frames, events };
}

// Complete events (ph "X": ts, dur and tdur, the thread's own CPU time, in microseconds) of the accepted
// names, by thread ("pid:tid").
function spans(events, accept) {
  const out = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !accept(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!out.has(key)) out.set(key, []);
    out.get(key).push({ start: e.ts, end: e.ts + e.dur, cpu: e.tdur === undefined ? null : e.tdur });
  }
  return out;
}

// For the thread with the most animation frames (the page's main thread), in milliseconds:
//   worst: the longest frame (wall time), with {cpuMs, gcCpuMs, gcMs}: the thread's own CPU time in it (the
//     rest it waited: 2 cores are shared with software WebGL's threads and the storage backend), the part of
//     that CPU time V8's collections took, and their wall time;
//   worstCpuMs: the most CPU time any frame took; worstOwnCpuMs: the same with collections taken out (what
//     our code and the browser's own work in the frame cost);
//   frames, framesWithGc, collections, gcInFramesMs, gcOutsideFramesMs (wall time); noCpuTime: events
//     without the thread's CPU time (counted as none), which would make the CPU figures too low.
export function frameParts(events) {
  const frames = spans(events, (n) => n === FRAME);
  let thread = null;
  for (const [key, list] of frames) if (!thread || list.length > frames.get(thread).length) thread = key;
  if (!thread) return null;
  const gcs = spans(events, (n) => COLLECTIONS.has(n)).get(thread) || [];
  const list = frames.get(thread);
  let worst = null, worstCpu = 0, worstOwnCpu = 0, framesWithGc = 0, gcIn = 0;
  const noCpuTime = list.filter((f) => f.cpu === null).length + gcs.filter((g) => g.cpu === null).length;
  for (const f of list) {
    let gcWall = 0, gcCpu = 0;
    for (const g of gcs) {
      if (g.start < f.start || g.end > f.end) continue;   // collections nest inside the frame that ran them
      gcWall += g.end - g.start;
      gcCpu += g.cpu || 0;
    }
    const ms = (f.end - f.start) / 1000, cpuMs = (f.cpu || 0) / 1000;
    if (gcWall > 0) { ++framesWithGc; gcIn += gcWall / 1000; }
    if (!worst || ms > worst.ms) worst = { ms, cpuMs, gcCpuMs: gcCpu / 1000, gcMs: gcWall / 1000 };
    worstCpu = Math.max(worstCpu, cpuMs);
    worstOwnCpu = Math.max(worstOwnCpu, cpuMs - gcCpu / 1000);
  }
  const gcAll = gcs.reduce((s, g) => s + (g.end - g.start) / 1000, 0);
  return {
    frames: list.length, worst, worstCpuMs: worstCpu, worstOwnCpuMs: worstOwnCpu,
    framesWithGc, gcInFramesMs: gcIn, gcOutsideFramesMs: gcAll - gcIn, collections: gcs.length, noCpuTime,
  };
}
