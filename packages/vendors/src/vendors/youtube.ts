import { YOUTUBE_COOKIES } from '../data/cookies.js';
import { injectScript } from '../dom.js';
import { defineVendor } from '../engine.js';

export const youtube = defineVendor({
  id: 'youtube',
  name: 'YouTube',
  category: 'targeting',
  kind: 'embed',
  purpose: 'Plays embedded videos; YouTube (Google) records viewing and may use it to personalise ads.',
  privacyPolicy: 'https://policies.google.com/privacy',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'youtu.be'],
  cookies: YOUTUBE_COOKIES,
  idParam: { type: 'string', required: false },
  /**
   * Code: embeds are gated markup (`<iframe data-src>`). The IFrame Player API comes from www.youtube.com
   * (and brings its cookies), so it is added only for a page that scripts players: an embed asking
   * for it (`enablejsapi=1`) or the page's `onYouTubeIframeAPIReady`. A privacy-enhanced
   * (youtube-nocookie.com) embed alone never pulls youtube.com in.
   */
  hook: (_params, context) => {
    if (scriptsPlayers()) injectScript('https://www.youtube.com/iframe_api', context);
  },
});

function scriptsPlayers(): boolean {
  return (
    typeof (window as { onYouTubeIframeAPIReady?: unknown }).onYouTubeIframeAPIReady === 'function' ||
    document.querySelector('iframe[src*="enablejsapi=1"],iframe[data-src*="enablejsapi=1"]') !== null
  );
}
