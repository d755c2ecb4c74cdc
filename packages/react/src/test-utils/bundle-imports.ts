// What the example app imports besides the provider: GA, YouTube and the Latvian table.
export { googleAnalytics, youtube } from '@consentry/vendors';
export { lv } from '@consentry/ui';
