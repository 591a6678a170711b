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

// A Markdown table: rows of { label, now: {worstMs, medianMs, frames}, before: {worstMs, medianMs} }.
export function frameTable(rows) {
  const lines = [
    '| frames of our code (worst / median) | before (main 28b7ffc) | now | frames | target |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const over = r.now && r.now.worstMs > FRAME_TARGET_MS ? ' (over)' : '';
    lines.push(`| ${r.label} | ${worstMedian(r.before)} | ${worstMedian(r.now)}${over} | ${r.now && r.now.frames !== undefined ? r.now.frames : ''} | ${FRAME_TARGET_MS} ms |`);
  }
  return lines.join('\n');
}

// {worstMs, medianMs, frames} from one towardTest.frameStats() reading.
export function fromStats(s) {
  return { worstMs: s.maxMs, medianMs: s.medianMs, frames: s.frames };
}
