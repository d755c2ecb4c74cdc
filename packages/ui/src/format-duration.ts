const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
type Unit = (typeof UNITS)[number];

// The catalog's lifetimes come from the Open Cookie Database in English; these are the phrasings it
// uses around a plain amount ("2 years after last activity"), each with its own translation key.
const WRAPPERS: Array<[RegExp, string]> = [
  [/^(.+?)\s+after last activity$/i, 'duration.afterLastVisit'],
  [/^(.+?)\s+from set\s*\/\s*update$/i, 'duration.afterUpdate'],
  [/^(.+?)\s*\(in some countries, the period may be longer\)$/i, 'duration.longerInSomeCountries'],
];

function amount(text: string, language: string): string | null {
  const match = /^(\d+)\s*([a-z]+?)s?$/i.exec(text.trim());
  const word = match?.[2]?.toLowerCase() as Unit | undefined;
  if (!match || !word || !UNITS.includes(word)) return null;
  return unitFormat(Number(match[1]), word, language);
}

// Building a unit formatter costs milliseconds (locale data is loaded per instance), so there is
// one per language and unit, built the first time a lifetime is shown: only the dialog shows them.
const formatters = new Map<string, Intl.NumberFormat | null>();

function unitFormat(value: number, unit: Unit, language: string): string | null {
  const key = `${language}\n${unit}`;
  let format = formatters.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' });
    } catch {
      format = null; // an engine without unit formatting
    }
    formatters.set(key, format);
  }
  return format ? format.format(value) : null;
}

/**
 * Localise a cookie lifetime: seconds (0 = session) or catalog text such as "2 years", "session",
 * "2 years after last activity", "60 days till 3650 days", "unknown". `texts` is the language's
 * table (or, as before, just its session text). Text of any other shape is shown as given rather
 * than guessed at.
 */
export function formatDuration(duration: number | string, language: string, texts: string | Readonly<Record<string, string>>): string {
  const table: Readonly<Record<string, string>> = typeof texts === 'string' ? { 'preferences.session': texts } : texts;
  const session = table['preferences.session'] ?? '';
  if (typeof duration === 'number') {
    if (duration <= 0) return session;
    // Whole days read as days ("395 days"); anything else as seconds.
    const [value, unit]: [number, Unit] = duration % 86400 ? [duration, 'second'] : [duration / 86400, 'day'];
    return unitFormat(value, unit, language) ?? String(duration);
  }
  const text = duration.trim();
  if (/^(session|end of session( \(browser\))?)$/i.test(text)) return session;
  if (/^unknown$/i.test(text) && table['duration.unknown']) return table['duration.unknown'];
  if (/^various$/i.test(text) && table['duration.various']) return table['duration.various'];
  if (/^persistent$/i.test(text) && table['duration.persistent']) return table['duration.persistent'];
  const range = /^(.+?)\s+till\s+(.+)$/i.exec(text);
  if (range) {
    const [from, to] = [amount(range[1]!, language), amount(range[2]!, language)];
    if (from && to) return `${from} – ${to}`;
  }
  for (const [pattern, key] of WRAPPERS) {
    const match = pattern.exec(text);
    const inner = match ? amount(match[1]!, language) : null;
    if (inner && table[key]) return table[key].replace('{duration}', inner);
  }
  return amount(text, language) ?? duration;
}
