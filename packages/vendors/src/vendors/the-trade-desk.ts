import { THE_TRADE_DESK_COOKIES } from '../data/cookies.js';
import { defineVendor } from '../engine.js';

export const theTradeDesk = defineVendor({
  id: 'the-trade-desk',
  name: 'The Trade Desk',
  category: 'targeting',
  kind: 'advertising',
  purpose: 'Shows and measures ads on this and other sites and recognises visitors across sites to target ads.',
  privacyPolicy: 'https://www.thetradedesk.com/general/privacy',
  hosts: ['adsrvr.org'],
  cookies: THE_TRADE_DESK_COOKIES,
  idParam: { type: 'string', required: false },
  // No loader: the site pastes the vendor's own tag; Consentry holds it by these hosts until granted.
});
