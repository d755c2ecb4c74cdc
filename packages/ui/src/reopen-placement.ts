/** Where a site puts its own "cookie settings" control: the floating button then stays away. */
export const SITE_REOPEN = '[data-consentry-reopen]';
const EMBEDS = 'iframe, video, embed, object, [data-consentry-placeholder]';

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && b.width > 0 && b.height > 0;

/**
 * Keeps the floating reopen button off the page's embeds (a video's play control sits in the same
 * corner on a phone): when it would cover one, it moves to the other bottom corner, and when both
 * are covered it steps out of the way until the visitor scrolls on. Checked once per frame at most,
 * on scroll and resize only. Returns the clean-up.
 */
export function keepOffEmbeds(getButton: () => HTMLElement | null, preferRight: boolean): () => void {
  let frame = 0;
  const place = () => {
    frame = 0;
    const button = getButton();
    if (!button) return;
    const embeds = Array.from(document.querySelectorAll(EMBEDS), (e) => e.getBoundingClientRect());
    const covers = (right: boolean) => {
      button.classList.toggle('right', right);
      const box = button.getBoundingClientRect();
      return embeds.some((e) => overlaps(box, e));
    };
    const free = !covers(preferRight) || !covers(!preferRight);
    if (!free) covers(preferRight);
    button.style.visibility = free ? '' : 'hidden';
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  place();
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  return () => {
    cancelAnimationFrame(frame);
    removeEventListener('scroll', schedule);
    removeEventListener('resize', schedule);
  };
}
