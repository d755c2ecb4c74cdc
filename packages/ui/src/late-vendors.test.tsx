import { afterEach, expect, it } from 'vitest';
import { baseConfig, setup, vendorInfo } from './test-utils/setup';
import type { VendorInfo } from './types';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
});

it('shows vendor details added to options.vendors after mount the next time the dialog renders', () => {
  const vendors: VendorInfo[] = [];
  const { view } = setup(baseConfig, { vendors });
  view.getByRole('button', { name: 'Customize' }).click();
  expect(view.getByRole('dialog').textContent).not.toContain('Measures how visitors use the site.');
  view.getByRole('button', { name: 'Close' }).click();

  vendors.push(...vendorInfo); // what the script-tag build does when a vendor's file arrives
  view.getByRole('button', { name: 'Customize' }).click();
  const dialog = view.getByRole('dialog');
  expect(dialog.textContent).toContain('Measures how visitors use the site.');
  expect(dialog.textContent).toContain('_ga');
});
