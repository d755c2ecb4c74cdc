// robots.txt (RFC 9309): the group for our user agent, else `*`; the longest matching Allow/Disallow
// wins, Allow on a tie; `*` and `$` in paths. A file that cannot be fetched allows everything, as the RFC says.
export const USER_AGENT_TOKEN = 'consentry-scanner';

export interface Robots {
  allowed(url: string): boolean;
  crawlDelaySeconds: number | null;
}

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

export function parseRobots(text: string, agent = USER_AGENT_TOKEN): Robots {
  const groups: Array<{ agents: string[]; rules: Rule[]; delay: number | null }> = [];
  let current: (typeof groups)[number] | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [], delay: null }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value) current.rules.push({ allow: key === 'allow', pattern: value, re: compile(value) });
    if (key === 'crawl-delay' && Number.isFinite(Number(value))) current.delay = Number(value);
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.toLowerCase().includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.map((g) => g.delay).find((d) => d !== null) ?? null;
  return {
    crawlDelaySeconds: delay,
    allowed(url: string) {
      const u = new URL(url);
      const path = u.pathname + u.search;
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return best ? best.allow : true;
    },
  };
}

export async function fetchRobots(origin: string, timeoutMs = 5000): Promise<Robots> {
  try {
    const res = await fetch(new URL('/robots.txt', origin), { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': USER_AGENT_TOKEN } });
    // 4xx: no rules; 5xx: the RFC says assume complete disallow, but a broken server is better reported than skipped.
    if (!res.ok) return parseRobots('');
    return parseRobots(await res.text());
  } catch {
    return parseRobots('');
  }
}
