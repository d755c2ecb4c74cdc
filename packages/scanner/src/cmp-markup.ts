// How the common consent managers mark their first-layer buttons, and the words a banner's
// Accept all / Reject all buttons use in the languages we read (en lv ru et lt de fr).
export interface KnownCmp {
  name: string;
  /** The element that is there when this CMP is on the page. */
  root: string;
  /** The CMP renders into this host's open shadow root. */
  shadow?: boolean;
  accept: string;
  reject: string;
}

export const KNOWN_CMPS: KnownCmp[] = [
  { name: 'Consentry', root: 'consentry-ui', shadow: true, accept: '.b .a > button:nth-of-type(1)', reject: '.b .a > button:nth-of-type(2)' },
  { name: 'vanilla-cookieconsent', root: '#cc-main', accept: '.cm [data-role="all"]', reject: '.cm [data-role="necessary"]' },
  { name: 'vanilla-cookieconsent', root: '#cc_div', accept: '#c-p-bn', reject: '#c-s-bn' },
  { name: 'Klaro', root: '.klaro', accept: '.cookie-notice .cm-btn-success', reject: '.cookie-notice .cn-decline' },
  { name: 'tarteaucitron', root: '#tarteaucitronRoot', accept: '#tarteaucitronPersonalize2', reject: '#tarteaucitronAllDenied2' },
  { name: 'Cookiebot', root: '#CybotCookiebotDialog', accept: '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll, #CybotCookiebotDialogBodyButtonAccept', reject: '#CybotCookiebotDialogBodyButtonDecline' },
  { name: 'OneTrust', root: '#onetrust-banner-sdk', accept: '#onetrust-accept-btn-handler', reject: '#onetrust-reject-all-handler' },
  { name: 'Usercentrics', root: '#usercentrics-root', shadow: true, accept: '[data-testid="uc-accept-all-button"]', reject: '[data-testid="uc-deny-all-button"]' },
  { name: 'Usercentrics', root: '#usercentrics-cmp-ui', shadow: true, accept: '#accept', reject: '#deny' },
  { name: 'Complianz', root: '.cmplz-cookiebanner', accept: '.cmplz-accept', reject: '.cmplz-deny' },
  { name: 'Didomi', root: '#didomi-host', accept: '#didomi-notice-agree-button', reject: '#didomi-notice-disagree-button' },
  { name: 'CookieYes', root: '.cky-consent-container', accept: '.cky-btn-accept', reject: '.cky-btn-reject' },
  { name: 'iubenda', root: '#iubenda-cs-banner', accept: '.iubenda-cs-accept-btn', reject: '.iubenda-cs-reject-btn' },
  { name: 'Osano', root: '.osano-cm-window', accept: '.osano-cm-accept-all', reject: '.osano-cm-denyAll, .osano-cm-deny' },
  { name: 'Borlabs Cookie', root: '#BorlabsCookieBox', accept: '[data-borlabs-cookie-actions="accept-all"], ._brlbs-btn-accept-all', reject: '[data-borlabs-cookie-actions="accept-only-essential"], ._brlbs-refuse-btn a' },
  { name: 'Cookie Script', root: '#cookiescript_injected', accept: '#cookiescript_accept', reject: '#cookiescript_reject' },
  { name: 'Quantcast Choice', root: '.qc-cmp2-container', accept: '.qc-cmp2-summary-buttons button[mode="primary"]', reject: '.qc-cmp2-summary-buttons button[mode="secondary"]' },
];

/** Globals a CMP leaves behind, to name it when its buttons were only found by their words. */
export const CMP_GLOBALS: Array<[string, string]> = [
  ['Consentry', 'Consentry'],
  ['CookieConsent', 'vanilla-cookieconsent'],
  ['klaro', 'Klaro'],
  ['tarteaucitron', 'tarteaucitron'],
  ['Cookiebot', 'Cookiebot'],
  ['OneTrust', 'OneTrust'],
  ['UC_UI', 'Usercentrics'],
  ['__ucCmp', 'Usercentrics'],
  ['complianz', 'Complianz'],
  ['Didomi', 'Didomi'],
  ['_iub', 'iubenda'],
];

// Whole-label matches only: "Accept" inside "Accept the terms of sale" is not a banner button.
const ACCEPT = [
  "(accept|allow|agree|i agree|i accept|ok|okay|got it|consent)( all| all cookies| cookies| and close| & close)?",
  '(pieņemt|piekrītu|pieņemu|atļaut|apstiprināt)( visas| visus| visu| sīkdatnes| visas sīkdatnes)?',
  '(принять|принимаю|согласен|согласна|соглашаюсь|разрешить)( все| всё| все cookie| cookie| все файлы cookie)?',
  '(nõustu|nõustun|luba|aktsepteeri)( kõigiga| kõik)?',
  '(sutinku|priimti|leisti)( visus| visus slapukus| su visais)?',
  '(alle |allen )?(akzeptieren|zustimmen|zulassen|annehmen)|alles akzeptieren|einverstanden|ich stimme zu|alle cookies akzeptieren',
  "(tout )?(accepter|autoriser)( tout| et fermer| les cookies| tous les cookies)?|j'accepte",
];
const REJECT = [
  '(reject|decline|deny|refuse|disagree)( all| all cookies| cookies| optional cookies| non-essential| non-essential cookies)?',
  '(only|use only|accept only|allow only) (necessary|essential|required)( cookies)?|(necessary|essential) (cookies )?only|continue without accepting',
  '(noraidīt|atteikties)( visas| visus| visu)?|(tikai|atļaut tikai) (nepieciešamās|obligātās)( sīkdatnes)?',
  '(отклонить|отказаться|запретить)( все| всё| от всех)?|только (необходимые|обязательные)( cookie| файлы cookie)?',
  '(keeldu|lükka tagasi)( kõigist| kõik)?|lükka kõik tagasi|ainult (vajalikud|hädavajalikud)',
  '(atmesti|nesutinku)( visus)?|tik (būtini|būtinieji)( slapukai)?',
  '(alle |alles )?(ablehnen|verweigern)|nur (notwendige|essenzielle|erforderliche)( cookies)?|nicht zustimmen',
  "(tout )?(refuser|rejeter)( tout| les cookies)?|je refuse|continuer sans accepter",
];

export const ACCEPT_NAME = `^(${ACCEPT.join('|')})$`;
export const REJECT_NAME = `^(${REJECT.join('|')})$`;

/** Lower-case, one space, no trailing punctuation or close marks, straight apostrophes. */
export function normalizeName(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').replace(/[\s.!✓✔×✕]+$/u, '').trim();
}
