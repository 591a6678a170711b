// tests/browser/torture/ledger.mjs: what the torture suite knows was written, and what it finds after a kill.
// A write is "acknowledged" once the app said so: towardTest.flush() resolved after it (the same promise
// the durability tests wait for), or, for typed words, towardTest.state().saved turned true with the
// words in the record. An acknowledged record must come back with the acknowledged body or a later one
// the suite also wrote (a kill may land after a later write was stored, before it was acknowledged).
import { isDeepStrictEqual } from 'node:util';

export class Ledger {
  constructor() {
    this.records = new Map();   // key "type/id" -> { type, id, versions: [body], acked: index or -1 }
    this.acknowledged = 0;      // acknowledged writes over the whole run
  }

  wrote(type, id, body) {
    const key = `${type}/${id}`;
    const r = this.records.get(key) || { type, id, versions: [], acked: -1 };
    r.versions.push(body);
    this.records.set(key, r);
  }

  // Everything written so far is acknowledged (a flush resolved after it).
  ackAll() {
    for (const r of this.records.values()) {
      if (r.acked < r.versions.length - 1) { this.acknowledged += r.versions.length - 1 - r.acked; r.acked = r.versions.length - 1; }
    }
  }

  types() { return [...new Set([...this.records.values()].map((r) => r.type))]; }

  // Compares with what the app holds after a relaunch: byType = {type: [{id, body}]}. Returns the
  // acknowledged records that are missing or changed; then takes what was found as the new baseline.
  check(byType, describe = (r) => `${r.type}/${r.id}`) {
    const lost = [];
    const changed = [];
    for (const [key, r] of this.records) {
      const found = (byType[r.type] || []).find((x) => x.id === r.id);
      const allowed = r.acked >= 0 ? r.versions.slice(r.acked) : r.versions;
      if (!found) {
        if (r.acked >= 0) lost.push(describe(r));
        this.records.delete(key);
        continue;
      }
      if (!allowed.some((b) => holds(found.body, b))) {
        changed.push(`${describe(r)}: found ${JSON.stringify(found.body).slice(0, 160)}`);
      }
      this.records.set(key, { type: r.type, id: r.id, versions: [found.body], acked: 0 });
    }
    return { lost, changed };
  }
}

// The app fills in the fields a body leaves out (tags, timeMs, ...): every field written must be there, exact.
function holds(found, written) {
  return !!found && typeof found === 'object' && Object.keys(written).every((k) => isDeepStrictEqual(found[k], written[k]));
}

// Seeded random numbers (mulberry32): the same seed replays the same run.
export function seededRandom(seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  rand.int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  rand.pick = (xs) => xs[Math.floor(rand() * xs.length)];
  return rand;
}

const WORDS = ['river', 'morning', 'quiet', 'Über', 'heute', 'leichter', '🌿', '👩‍👩‍👧', 'Καλημέρα', 'съешь', '中文',
  'letter', 'garden', '"quoted"', 'back\\slash', 'tab\there', 'line\nbreak', 'Zoe\u0308', '𝄞', 'light'];

export function randomText(rand, maxWords) {
  const n = rand.int(1, maxWords);
  const out = [];
  for (let i = 0; i < n; i++) out.push(rand.pick(WORDS));
  return out.join(' ');
}
