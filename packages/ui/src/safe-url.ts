/** Only web and mail links may become an href; `javascript:` and other schemes from data are dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url : undefined;
}
