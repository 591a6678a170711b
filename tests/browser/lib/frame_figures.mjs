// tests/browser/lib/frame_figures.mjs: the "no frame of our own code over 16 ms" figures of issue 16, as
// the area benchmarks print them (bench_progress, bench_letters, bench_backup, bench_vault): the worst and
// the median frame of our code (towardTest.frameStats: the time inside the module's frame callback),
// the 16 ms target next to them, and the same figures measured before the change (main at 28b7ffc, this
// machine, one run) for comparison. Numbers never fail anything.

export const FRAME_TARGET_MS = 16;

// "12.3 / 4.5 ms" (worst / median), or "n/a".
export function worstMedian(f) {
  if (!f || f.worstMs === undefined || f.worstMs === null) return 'n/a';
  return `${f.worstMs.toFixed(1)} / ${f.medianMs.toFixed(1)} ms`;
}

// A Markdown table: rows of { label, now: {worstMs, medianMs, frames}, before: {worstMs, medianMs},
// longTasks: {count, worstMs} (optional), traced: lib/trace_frames.mjs frameParts (optional) }. The traced
// column says what the longest frame was made of: its wall time, its thread's CPU time (the rest the thread
// waited for a core) and the part of that CPU time V8's collections took; then the most CPU time of any
// frame without collections.
export function frameTable(rows) {
  const traced = rows.some((r) => r.traced);
  const lines = [
    '| frames of our code (worst / median) | before (main 28b7ffc) | now | of it, handing to WebGL (in the worst / median) | frames | the page\'s tasks over 50 ms meanwhile (how many, longest) |' +
      (traced ? ' traced: the longest frame, wall: CPU / of it collecting (V8\'s GC); most CPU of a frame without collections |' : '') + ' target |',
    '|---|---:|---:|---:|---:|---:|' + (traced ? '---:|' : '') + '---:|',
  ];
  for (const r of rows) {
    const over = r.now && r.now.worstMs > FRAME_TARGET_MS ? ' (over)' : '';
    const gl = r.now && r.now.glAtWorstMs !== undefined ? `${r.now.glAtWorstMs.toFixed(1)} / ${r.now.glMedianMs.toFixed(1)} ms` : '';
    const tasks = r.longTasks ? `${r.longTasks.count}${r.longTasks.count ? `, ${r.longTasks.worstMs.toFixed(0)} ms` : ''}` : '';
    const t = r.traced;
    const parts = t ? `${t.worst.ms.toFixed(1)} ms: ${t.worst.cpuMs.toFixed(1)} / ${t.worst.gcCpuMs.toFixed(1)} ms; ${t.worstOwnCpuMs.toFixed(1)} ms` +
      (t.dataLost ? ' (trace lost its start)' : '') : '';
    lines.push(`| ${r.label} | ${worstMedian(r.before)} | ${worstMedian(r.now)}${over} | ${gl} | ${r.now && r.now.frames !== undefined ? r.now.frames : ''} | ${tasks} |` +
      (traced ? ` ${parts} |` : '') + ` ${FRAME_TARGET_MS} ms |`);
  }
  return lines.join('\n');
}

// The page's long tasks (Chromium's Long Tasks API: every task over 50 ms, whatever code ran in it: a
// frame, a sync's callbacks, the second copy), which frameStats does not see: watchLongTasks(page) starts
// (or restarts) the count, takeLongTasks(page) reads {count, worstMs} since then.
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__towardLongTasks = [];
    if (window.__towardLongTaskObserver) return;
    window.__towardLongTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__towardLongTasks.push(e.duration);
    });
    window.__towardLongTaskObserver.observe({ type: 'longtask' });
  });
}
export async function takeLongTasks(page) {
  return page.evaluate(() => {
    const l = window.__towardLongTasks || [];
    window.__towardLongTasks = [];
    return { count: l.length, worstMs: l.length ? Math.max(...l) : 0 };
  });
}

// {worstMs, medianMs, frames} from one towardTest.frameStats() reading.
// glAtWorstMs: of the worst frame, the time handing it to WebGL (when that frame is among the first 2,000).
export function fromStats(s) {
  const out = { worstMs: s.maxMs, medianMs: s.medianMs, frames: s.frames };
  if (s.glSamples && s.samples && s.glSamples.length === s.samples.length && s.samples.length) {
    const worst = s.samples.indexOf(Math.max(...s.samples));
    out.glAtWorstMs = s.glSamples[worst];
    out.glMedianMs = s.glMedianMs;
  }
  return out;
}
