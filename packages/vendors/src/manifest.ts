import type { NamePattern } from '@consentry/blocker';
import type { OptionalCategory, VendorParamSpec } from '@consentry/core';
import type { CookieInfo, LoadContext, VendorKind, VendorParams } from './types.js';

/**
 * A value in a manifest. Strings may hold `{…}` tokens, filled in when the vendor loads:
 * `{id}`, `{siteId}` (config params, then `defaults`), `{@now}`, `{@title}`, `{@path}`, `{@layer}`
 * (the Google data layer's name), `{@l}` (`&l=<layer>` when it is not `dataLayer`), `{@device}`
 * (`d`, `m` or `t`). Several sources separated by `,` are tried in order (`{pageName,@title}`).
 * A filter after `|`: `num` (a number), `enc` (URI-encoded), `raw` (as given), `dir` (with one
 * trailing slash), `a:b` (a slice). In a script URL a token is URI-encoded unless `raw`/`dir`.
 * A string that is one whole token keeps the token's type (`'{id|num}'` is a number).
 */
export type Tpl = string | number | boolean | null | readonly Tpl[] | { readonly [key: string]: Tpl };

/**
 * One step of a snippet, on dotted paths from `window` (`mixpanel._i`, `ttq._t.{id}`):
 * `call` a function if it is there (`this` is its owner; `when`: only if that path is truthy, or a
 * function there returns truthy), `push` onto a queue (made an array if absent), `set` a value
 * (`keep`: only where nothing is set yet).
 */
export type Step =
  | { readonly call: string; readonly args?: readonly Tpl[]; readonly when?: string }
  | { readonly push: string; readonly items: readonly Tpl[] }
  | { readonly set: string; readonly value: Tpl; readonly keep?: boolean };

/**
 * The command-queue stub every tag snippet starts with (`fbq`, `twq`, `pintrk`, `snaptr`, `ym`, …):
 * a function that queues its arguments on `queue` until the client takes over, which it announces
 * by setting `forward` (`callMethod`, `exe`, …). `array`: the other form, an array with `methods`
 * that push `[method, ...args]` (`mixpanel`, `analytics`, `ttq`).
 */
export interface StubSpec {
  readonly name: string;
  readonly queue?: string;
  readonly forward?: string;
  /** Where the queue lives instead, as a global (`gemius_hit_pdata`). */
  readonly queueGlobal?: string;
  readonly array?: boolean;
  readonly methods?: readonly string[];
  /** Set on a fresh stub (`version`, `loaded`): templates allowed. */
  readonly props?: Readonly<Record<string, Tpl>>;
  /** The stub is its own `push` (Meta's `fbq.push = fbq`). */
  readonly selfPush?: boolean;
  /** A second global for the same stub when that one is free (`_fbq`). */
  readonly alias?: string;
}

export interface ScriptSpec {
  /** The vendor's official script URL (a template). */
  readonly src: string;
  readonly defer?: boolean;
  readonly crossOrigin?: 'anonymous';
  readonly id?: string;
  readonly charset?: string;
  /** `data-*` attributes the script reads (`data-domain`), templates allowed. */
  readonly data?: Readonly<Record<string, string>>;
  /** Steps once the script has loaded (Amplitude's `init`). */
  readonly onload?: readonly Step[];
}

/** Everything the catalog knows about a vendor, as data. The engine (`defineVendor`) runs it. */
export interface VendorManifest {
  /** Config key, e.g. `google-analytics`. */
  readonly id: string;
  readonly name: string;
  readonly category: OptionalCategory;
  readonly kind: VendorKind;
  /** What the vendor does with the visitor's data, in English (ui translates by `vendor.<id>.purpose`). */
  readonly purpose: string;
  readonly privacyPolicy: string;
  /** Hostname suffixes, optionally with a path prefix; `*` then `/path?param` is an endpoint on any host. */
  readonly hosts: readonly string[];
  /** The config param whose URL's host is the vendor's too (a self-hosted Matomo); its default is in `defaults`. */
  readonly hostParam?: string;
  readonly cookies: readonly CookieInfo[];
  /** Why a vendor sets no cookie at all (Google Fonts): an empty list needs a reason. */
  readonly cookieless?: string;
  readonly storage?: readonly NamePattern[];
  readonly indexedDB?: readonly NamePattern[];
  readonly idParam?: VendorParamSpec;
  readonly params?: Readonly<Record<string, VendorParamSpec>>;
  /** Values for params a site may leave out. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** The client, or the site's own copy of the snippet, is on the page when any of these paths is truthy: load nothing. */
  readonly skip?: readonly string[];
  /** The site pasted this tag itself when a script's src starts with this (a template): load nothing. */
  readonly pasted?: string;
  readonly stubs?: readonly StubSpec[];
  /** Steps before the script is added (set-up globals, queued init calls). */
  readonly init?: readonly Step[];
  readonly script?: ScriptSpec;
  /** The vendor's own consent API, told every decision; each step must do nothing when its client is absent. */
  readonly consent?: { readonly granted: readonly Step[]; readonly denied: readonly Step[] };
  /**
   * Code for the few vendors data cannot say (each says why): replaces `stubs`/`init`/`script`
   * when set. Google's gtag, a client that must be constructed, a script only some pages need.
   */
  readonly hook?: (params: VendorParams, context: LoadContext) => void;
}
