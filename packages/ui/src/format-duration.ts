const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
type Unit = (typeof UNITS)[number];

/**
 * Localise a cookie lifetime: seconds (0 = session) or catalog text such as "2 years" or
 * "session". Text of any other shape is shown as given rather than guessed at.
 */
export function formatDuration(duration: number | string, language: string, sessionText: string): string {
  let amount: number;
  let unit: Unit;
  if (typeof duration === 'number') {
    if (duration <= 0) return sessionText;
    // Whole days read as days ("395 days"); anything else as seconds.
    [amount, unit] = duration % 86400 ? [duration, 'second'] : [duration / 86400, 'day'];
  } else {
    const text = duration.trim();
    if (/^session$/i.test(text)) return sessionText;
    const match = /^(\d+)\s*([a-z]+?)s?$/i.exec(text);
    const word = match?.[2]?.toLowerCase() as Unit | undefined;
    if (!match || !word || !UNITS.includes(word)) return duration;
    amount = Number(match[1]);
    unit = word;
  }
  try {
    return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
  } catch {
    // an engine without unit formatting: show the catalog's own text
    return String(duration);
  }
}
