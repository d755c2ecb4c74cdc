import { trapTab } from './focus';
import type { ViewModel } from './view-model';

function Links({ t }: { t: ViewModel['t'] }) {
  const privacy = t('links.privacyPolicy.href');
  const cookies = t('links.cookiePolicy.href');
  if (!privacy && !cookies) return null;
  return (
    <p class="l">
      {privacy && <a href={privacy}>{t('links.privacyPolicy')}</a>}
      {cookies && <a href={cookies}>{t('links.cookiePolicy')}</a>}
    </p>
  );
}

/**
 * The first layer. As a bar or box it is a labelled, non-modal region that never takes focus
 * (a skip link leads into it); as `modal` it is a modal dialog that keeps focus until a choice,
 * and Escape does not dismiss it because dismissing is not a choice.
 */
export function Banner({ vm }: { vm: ViewModel }) {
  const { t, layout, kind } = vm;
  // Where the region's rule lets things run before a decision (docs/jurisdictions.md), the first
  // layer informs (a bar, whatever the layout); opt-out regions get "Do not sell or share" (CCPA/CPRA).
  const ask = kind === 'consent';
  // The first layer names the purposes actually configured, so the text never promises more.
  const optional = vm.categories.filter((c) => c !== 'necessary');
  const content = (
    <div class="t">
      <h2 id="c-bt">{t('banner.title')}</h2>
      <p id="c-bd">{t(ask ? 'banner.description' : 'banner.noticeDescription')}</p>
      {ask && optional.length > 0 && (
        <div class="p">
          <span id="c-bp">{t('banner.purposes')}</span>
          <ul aria-labelledby="c-bp">
            {optional.map((c) => (
              <li key={c}>{t(`category.${c}.inList`) || t(`category.${c}.title`)}</li>
            ))}
          </ul>
        </div>
      )}
      <Links t={t} />
      <div class="a">
        <button type="button" class="btn" data-consentry-action={ask ? 'accept-all' : 'acknowledge'} onClick={() => vm.acceptAll('banner')}>
          {t(ask ? 'banner.acceptAll' : 'banner.ok')}
        </button>
        {(ask || kind === 'opt-out') && (
          <button type="button" class={ask ? 'btn' : 'btn s'} data-consentry-action={ask ? 'reject-all' : 'do-not-sell'} onClick={ask ? () => vm.rejectAll('banner') : vm.doNotSell}>
            {t(ask ? 'banner.rejectAll' : 'banner.doNotSell')}
          </button>
        )}
        {/* Secondary by design (outline), never smaller: Accept and Reject stay identical twins. */}
        <button type="button" class="btn s" data-consentry-action="customize" aria-haspopup="dialog" onClick={vm.customize}>
          {t('banner.customize')}
        </button>
      </div>
    </div>
  );
  const inert = vm.prefs !== null;
  if (layout === 'modal') {
    return (
      <dialog
        class="b modal"
        data-consentry-banner=""
        aria-modal="true"
        aria-labelledby="c-bt"
        aria-describedby="c-bd"
        tabIndex={-1}
        inert={inert}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.preventDefault();
          trapTab(e, e.currentTarget);
        }}
        onCancel={(e) => e.preventDefault()}
      >
        {content}
      </dialog>
    );
  }
  return (
    <section class={`b ${layout}`} data-consentry-banner="" data-consentry-notice={ask ? undefined : kind} role="region" aria-labelledby="c-bt" tabIndex={-1} inert={inert}>
      <div>{content}</div>
    </section>
  );
}
