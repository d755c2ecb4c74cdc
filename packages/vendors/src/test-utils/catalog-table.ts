import type { VendorDefinition } from '../types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const list = (names: string[], max = 4) => (names.length > max ? [...names.slice(0, max), '…'] : names).join(', ');

function loaderOf(def: VendorDefinition): string {
  if (def.load) return def.kind === 'embed' ? 'embed + API script' : 'script';
  if (def.kind === 'embed') return 'embed (placeholder, click to load)';
  if (def.kind === 'font') return 'markup (stylesheet)';
  return 'markup (the site’s own tag)';
}

function options(def: VendorDefinition): string {
  const out: string[] = [];
  if (def.idParam?.required) out.push(`\`id\`: ${def.idParam.example?.replace(/^an? /, '') ?? 'required'}`);
  else if (def.idParam?.example) out.push(`\`id\` (optional): ${def.idParam.example.replace(/^an? /, '')}`);
  for (const [key, spec] of Object.entries(def.params ?? {})) out.push(`\`${key}\`${spec.required ? '' : ' (optional)'}`);
  return out.join('; ') || '—';
}

function cookies(def: VendorDefinition): string {
  const first = def.cookies.filter((c) => !c.thirdParty).map((c) => `\`${c.name}${c.prefix ? '*' : ''}\``);
  if (first.length) return list(first);
  if (def.cookies.length) return '(third-party only)';
  return '(none)';
}

/** The catalog as the Markdown table docs/vendors.md carries (catalog-doc.test.ts keeps them equal). */
export function catalogTable(catalog: Readonly<Record<string, VendorDefinition>>): string {
  const rows = Object.values(catalog)
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map((d) => `| \`${d.id}\` | ${cell(d.name)} | ${d.category} | ${d.kind} | ${loaderOf(d)} | ${cell(options(d))} | ${cookies(d)} |`);
  return ['| id | name | category | kind | loads as | config | first-party cookies (`*` = prefix) |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
