export { createTcf, type Tcf, type TcfOptions } from './cmp.js';
export { resolveTcfConfig, type TcfConfig, type ResolvedTcf, type AtpProvider } from './config.js';
export { encodeTcString, decodeTcString, allChoices, noChoices, siteGvl, LI_PURPOSES, type TcfChoices, type VendorListJson } from './model.js';
export { acString, TC_COOKIE, AC_COOKIE } from './strings.js';
export { createTcfUI, type TcfUI, type TcfUIOptions } from './ui.js';
export { startTcf, type StartTcfOptions } from './start.js';
export { TCF_LANGUAGES } from './i18n.js';
