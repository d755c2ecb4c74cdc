import { palettes, themeVars } from './palette';

/**
 * The whole stylesheet, injected as one <style> inside the shadow root. Internal class names are
 * short because they ship in the script tag; sites restyle through the `--consentry-*` properties
 * (docs/ui.md), which inherit into the shadow tree from the host or any ancestor.
 */
export const css =
  // The host generates no box: nothing on the page moves, not even a flex or grid gap.
  `:host{display:contents}` +
  `.r{${themeVars(palettes.light)};--c-overlay:var(--consentry-overlay,rgba(0,0,0,.55));--c-radius:var(--consentry-radius,.5rem);--c-gap:var(--consentry-spacing,1rem);` +
  `font:var(--consentry-font-size,1rem)/1.5 var(--consentry-font,system-ui,sans-serif);color:var(--c-text);text-align:start;overflow-wrap:break-word}` +
  `.r.dark{${themeVars(palettes.dark)}}` +
  `@media(prefers-color-scheme:dark){.r.auto{${themeVars(palettes.dark)}}}` +
  `*,::after{box-sizing:border-box}` +
  `h2,h3,h4,p,ul{margin:0;padding:0}ul{list-style:none}` +
  `h2{font-size:1.25em;line-height:1.3}h3,h4{font-size:1em}` +
  `a{color:var(--c-link);text-decoration:underline}` +
  `:focus-visible{outline:3px solid var(--c-focus);outline-offset:2px;box-shadow:0 0 0 2px var(--c-bg)}` +
  `[tabindex="-1"]:focus{outline:0;box-shadow:none}` +
  // Banner and dialogs: fixed overlays (no layout shift), scroll inside at 320 px / 200 % zoom.
  `.b,.d{position:fixed;z-index:var(--consentry-z-index,2147483000);overflow:auto;background:var(--c-bg);color:var(--c-text);` +
  `padding:var(--c-gap);border:1px solid var(--c-border);box-shadow:var(--consentry-shadow,0 .25rem 1.5rem rgba(0,0,0,.3))}` +
  `.b{max-height:min(32rem,70vh);scroll-padding-bottom:8rem}` +
  // The banner's first frame is painted at opacity 0 and the next at 1: Chromium takes no LCP
  // candidate from text first painted invisible, so the notice never becomes the page's largest
  // contentful paint (an opacity change by class or script would still count). Not motion.
  `.b{animation:i 10ms}@keyframes i{from{opacity:0}}` +
  // A phone shows the page too: compact type and spacing keep the first layer under half the screen.
  `@media(max-width:40rem){.b{padding:.5rem 1rem}.b .t{font-size:.875em;line-height:1.35}.b h2{font-size:1.2143em}` +
  // The purposes and the policy links run on as one paragraph instead of taking a row each; the gap
  // after each link (not before it) leaves a link that wraps flush with the text (lv, ru).
  `.b .t{display:block}.b .t>*+*{margin-top:.25rem}.b .p,.b .l{display:inline}.b .l::before{content:" "}.b .l a{display:inline-block;margin-inline-end:.75em}` +
  // On a phone Customize becomes a text button under the pair: clearly a third, lesser path, never
  // hidden, and still a 44 px target (WCAG 2.5.5).
  `.b .btn{font-size:1em;padding:.5rem .25rem}.b .t>.a{gap:.25rem;padding-top:0}.b .a>.s{min-height:2.75rem;border-color:transparent;text-decoration:underline;padding-block:.25rem}}` +
  `.bar{left:0;right:0;bottom:0;border-width:1px 0 0}` +
  `.bar>div{max-width:72rem;margin:0 auto}` +
  `.box{left:1rem;bottom:1rem;width:min(26rem,calc(100% - 2rem));border-radius:var(--c-radius)}` +
  `.modal,.d{inset:0;margin:auto;height:fit-content;max-height:calc(100% - 2rem);width:min(38rem,calc(100% - 2rem));border-radius:var(--c-radius)}` +
  `::backdrop{background:var(--c-overlay)}` +
  // Grid items may shrink below their longest word, which then wraps (reflow at 320 px, WCAG 1.4.10).
  `.t{display:grid;gap:calc(var(--c-gap)*.75)}.t>*{min-width:0}` +
  `.l{display:flex;flex-wrap:wrap;gap:.25rem 1rem}` +
  `.p ul,.p li{display:inline}.p span{margin-inline-end:.3em}.p li:not(:last-child)::after{content:", "}.p span,.on{font-weight:600}` +
  // Accept and Reject share a row of equal columns at every width (same box even when a label wraps);
  // Customize takes the full row under them on a narrow screen, a third equal column on a wide one.
  // In the dialog Save leads on its own row on a phone, Accept and Reject share the next.
  `.a{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}.b .a>:nth-child(3),.d .a>:first-child{grid-column:1/-1}` +
  `@media(min-width:40rem){.bar .a,.modal .a,.d .a{grid-template-columns:repeat(3,1fr)}.bar .a>.btn,.modal .a>.btn,.d .a>.btn{grid-column:auto}}` +
  // A wide bar: text on the left, the decisions on the right, centred against it.
  `@media(min-width:64rem){.bar .t{grid-template-columns:minmax(0,1fr) auto;gap:0 2.5rem}.bar .t>*{grid-column:1}.bar .t>*+:not(.a){margin-top:.5rem}.bar .t>.a{grid-column:2;grid-row:1/span 9;align-self:center;grid-template-columns:repeat(3,minmax(9rem,1fr))}}` +
  // On the banner the decisions stay in view while its text scrolls (320 px, 200 % zoom): refusing
  // must never need more scrolling than accepting. Scroll padding keeps focused links clear of them.
  `.b .a{position:sticky;bottom:calc(-1*var(--c-gap));padding-top:.25rem;background:var(--c-bg)}` +
  // One button class for every decision: identical size, colour and weight (EDPB equal prominence).
  `button{font:inherit;cursor:pointer}.btn{min-height:2.75rem;padding:.5rem 1rem;font-weight:600;` +
  `color:var(--c-button-text);background:var(--c-button-bg);border:2px solid var(--c-button-bg);border-radius:var(--c-radius)}` +
  `.btn{min-width:2.75rem;padding:.5rem .75rem;line-height:1.25}.btn:hover{text-decoration:underline}` +
  // Secondary (Customize): the same size, type and weight, outlined instead of filled.
  `.btn.s{color:var(--c-button-bg);background:var(--c-bg)}` +
  `.h{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.5rem var(--c-gap)}.h>:first-child{flex:1}` +
  `.x{min-width:2.75rem;min-height:2.75rem;font-size:1.5em;line-height:1;color:var(--c-text);background:none;border:2px solid var(--c-border);border-radius:var(--c-radius)}` +
  `.c{border-top:1px solid var(--c-border);padding-top:calc(var(--c-gap)*.75)}` +
  // The dialog: header, details that scroll, and a footer of decisions that never scrolls away.
  `.d{display:flex;flex-direction:column;gap:0;padding:0;overflow:hidden}` +
  `.d>.h{padding:var(--c-gap) var(--c-gap) .5rem}.d>.s{flex:1 1 auto;min-height:0;overflow:auto;padding:.25rem var(--c-gap) var(--c-gap)}` +
  `.d>.f{padding:.75rem var(--c-gap) var(--c-gap);border-top:1px solid var(--c-border)}` +
  // Too short for a fixed footer (landscape phone, 400 % zoom): the whole dialog scrolls instead.
  `@media(max-height:24rem){.d{display:block;overflow:auto}.d>.s{overflow:visible}}` +
  `summary{cursor:pointer;min-height:1.5rem;font-weight:600;color:var(--c-link)}details>:not(summary){margin-top:.5rem}` +
  `.k{overflow-wrap:anywhere}.v{margin-inline-start:.75rem;padding-inline-start:.75rem;border-inline-start:2px solid var(--c-border)}` +
  // Switch: state shown by thumb position as well as colour (WCAG 1.4.1); 48×28 px target.
  `.sw{position:relative;flex:none;width:3rem;height:1.75rem;padding:0;border:2px solid var(--c-switch-off);border-radius:1rem;background:var(--c-switch-off)}` +
  `.sw::after{content:"";position:absolute;top:.125rem;left:.125rem;width:1.25rem;height:1.25rem;border-radius:50%;background:var(--c-switch-thumb);transition:transform .15s}` +
  `.sw[aria-checked=true]{background:var(--c-switch-on);border-color:var(--c-switch-on)}` +
  `.sw[aria-checked=true]::after{transform:translateX(1.25rem)}` +
  // The reopen button is a .btn too; its bg-coloured ring keeps it visible on any page background.
  `.o{position:fixed;bottom:1rem;left:1rem;z-index:var(--consentry-z-index,2147483000);width:2.75rem;height:2.75rem;padding:0;display:grid;place-items:center;border-color:var(--c-bg);border-radius:50%}` +
  `.o.right{left:auto;right:1rem}` +
  `.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}` +
  `@media(prefers-reduced-motion:reduce){.sw::after{transition:none}}` +
  `@media(forced-colors:active){.sw::after{background:CanvasText}.sw[aria-checked=true]::after{background:Highlight}}`;
