import type { Category, OptionalCategory } from '@consentry/core';
import { trapTab } from './focus';
import { Switch } from './switch';
import type { VendorRow, ViewModel } from './view-model';

function Vendor({ vm, row, index }: { vm: ViewModel; row: VendorRow; index: number }) {
  const { t } = vm;
  const prefix = `vendor.${row.id}.`;
  const nameId = `c-v${index}`;
  const purpose = t(`${prefix}purpose`);
  const policy = t(`${prefix}privacyPolicy.href`);
  const cookies = row.info?.cookies ?? [];
  return (
    <div class="v t" data-consentry-vendor={row.id} role="group" aria-labelledby={nameId}>
      <div class="h">
        <h4 id={nameId}>{t(`${prefix}name`)}</h4>
        <Switch
          checked={vm.prefs?.vendors[row.id] === true}
          labelledBy={nameId}
          hook={`vendor:${row.id}`}
          {...(purpose ? { describedBy: `${nameId}d` } : {})}
          onToggle={() => vm.toggleVendor(row.id)}
        />
      </div>
      {purpose && <p id={`${nameId}d`}>{purpose}</p>}
      {cookies.length > 0 && (
        // The cookie table opens on demand: a visitor decides on the purpose, the names are detail.
        <details class="kd">
          <summary>{`${t('preferences.cookies')} (${cookies.length})`}</summary>
          <ul class="k">
            {cookies.map((c) => (
              <li key={c.name}>
                <code>{c.name}</code>
                {`: ${t(`${prefix}cookie.${c.name}`)}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {policy && <a href={policy}>{t('preferences.vendorPrivacyPolicy')}</a>}
    </div>
  );
}

function CategoryItem({ vm, category }: { vm: ViewModel; category: Category }) {
  const { t, prefs } = vm;
  const id = `c-c-${category}`;
  const locked = category === 'necessary';
  const rows = vm.vendors.filter((v) => v.category === category);
  const offset = vm.vendors.indexOf(rows[0] as VendorRow);
  return (
    <div class="c t" data-consentry-category={category} role="group" aria-labelledby={id}>
      <div class="h">
        <h3 id={id}>{t(`category.${category}.title`)}</h3>
        {locked && <span class="on">{t('preferences.alwaysOn')}</span>}
        <Switch
          checked={locked || prefs?.[category as OptionalCategory] === true}
          labelledBy={id}
          describedBy={`${id}d`}
          locked={locked}
          hook={category}
          onToggle={() => vm.toggleCategory(category as OptionalCategory)}
        />
      </div>
      <p id={`${id}d`}>{t(`category.${category}.description`)}</p>
      {rows.length > 0 && (
        // Folded: the category's switch and description are what a visitor decides on.
        <details class="m">
          <summary>{`${t('preferences.vendors')} (${rows.length})`}</summary>
          <div class="t">
            {rows.map((row, i) => (
              <Vendor key={row.id} vm={vm} row={row} index={offset + i} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

/** The second layer: an APG modal dialog (focus in, Tab trapped, Escape closes, focus returns). */
export function Preferences({ vm }: { vm: ViewModel }) {
  const { t } = vm;
  return (
    <dialog
      class="d t"
      data-consentry-preferences=""
      aria-modal="true"
      aria-labelledby="c-pt"
      aria-describedby="c-pd"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          vm.closePrefs();
        } else trapTab(e, e.currentTarget);
      }}
      onCancel={(e) => {
        e.preventDefault();
        vm.closePrefs();
      }}
    >
      <div class="h">
        <h2 id="c-pt">{t('preferences.title')}</h2>
        <button type="button" class="x" data-consentry-action="close" onClick={vm.closePrefs}>
          <span aria-hidden="true">×</span>
          <span class="sr">{t('preferences.close')}</span>
        </button>
      </div>
      {/* Only the details scroll; header and decisions stay in view (the footer never scrolls away). */}
      <div class="s t">
        <p id="c-pd">{t('preferences.description')}</p>
        {/* groups named by their headings, not list items: a role on <li> would break the list */}
        <div class="t">
          {vm.categories.map((c) => (
            <CategoryItem key={c} vm={vm} category={c} />
          ))}
        </div>
      </div>
      <div class="a f">
        <button type="button" class="btn" data-consentry-action="save" onClick={vm.save}>
          {t('preferences.save')}
        </button>
        <button type="button" class="btn" data-consentry-action="accept-all" onClick={() => vm.acceptAll('preferences')}>
          {t('banner.acceptAll')}
        </button>
        <button type="button" class="btn" data-consentry-action="reject-all" onClick={() => vm.rejectAll('preferences')}>
          {t('banner.rejectAll')}
        </button>
      </div>
    </dialog>
  );
}
