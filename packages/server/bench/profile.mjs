// Reads a V8 .cpuprofile (node --cpu-prof) and returns the functions with the most self time.
import { readFileSync } from 'node:fs';

/** Top `n` frames by self time: [{ frame, selfPct }], grouped by function name and location. */
export function topFrames(file, n = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  // samples[i] is the node id that was on top of the stack at tick i.
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, count] of counts) {
    const { callFrame } = byId.get(id);
    const where = callFrame.url ? `${callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/packages\//, '')}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + count);
    total += count;
  }
  const idle = self.get('(idle)') ?? 0;
  return {
    busyPct: total ? (100 * (total - idle)) / total : 0,
    frames: [...self.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([frame, count]) => ({ frame, selfPct: (100 * count) / total })),
  };
}
