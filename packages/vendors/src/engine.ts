// The one engine every catalog vendor runs on: a manifest (data) in, the loader and consent call
// the vendor loader runs out. No eval, no inline script: globals are set and called by path, and
// the vendor's script is an element with a src (strict CSP with a nonce).
import { assign, globals, injectScript, isBag, pasted, queueAt, resolve, type Bag } from './dom.js';
import type { ScriptSpec, Step, StubSpec, Tpl, VendorManifest } from './manifest.js';
import type { LoadContext, VendorDefinition, VendorParams } from './types.js';

type Fn = (...args: unknown[]) => unknown;






const SOURCES: Readonly<Record<string, (context: LoadContext) => string | number>> = {
  now: () => Date.now(),
  title: () => document.title,
  path: () => location.pathname,
  layer: (c) => c.dataLayerName ?? 'dataLayer',
  l: (c) => (c.dataLayerName && c.dataLayerName !== 'dataLayer' ? `&l=${encodeURIComponent(c.dataLayerName)}` : ''),
  device: () => {
    const ua = navigator.userAgent;
    return /iPad/.test(ua) ? 't' : /Mobile|iP(hone|od)|Android|BlackBerry|IEMobile|Silk/.test(ua) ? 'm' : 'd';
  },
};

type Values = { params: VendorParams; defaults: Readonly<Record<string, string>>; context: LoadContext };

function token(body: string, values: Values, inUrl: boolean): string | number {
  const [sources = '', filter = inUrl ? 'enc' : ''] = body.split('|');
  let value: string | number = '';
  for (const source of sources.split(',')) {
    const v = source.startsWith('@') ? SOURCES[source.slice(1)]?.(values.context) : (values.params[source] ?? values.defaults[source]);
    if (v !== undefined && v !== '') {
      value = typeof v === 'number' ? v : String(v);
      break;
    }
  }
  const text = String(value);
  if (filter === 'num') return Number(value);
  if (filter === 'enc') return encodeURIComponent(text);
  if (filter === 'dir') return text.replace(/\/*$/, '/');
  const slice = /^(\d+):(\d*)$/.exec(filter);
  if (slice) return text.slice(Number(slice[1]), slice[2] ? Number(slice[2]) : undefined);
  return value;
}

/** Fills a template's tokens (see `Tpl`). */
export function fill(tpl: Tpl, values: Values, inUrl = false): unknown {
  if (typeof tpl === 'string') {
    const whole = /^\{([^{}]+)\}$/.exec(tpl);
    if (whole && !inUrl) return token(whole[1] as string, values, false);
    return tpl.replace(/\{([^{}]+)\}/g, (_, body: string) => String(token(body, values, inUrl)));
  }
  if (Array.isArray(tpl)) return tpl.map((item: Tpl) => fill(item, values));
  if (tpl && typeof tpl === 'object') {
    const out: Bag = {};
    for (const [key, item] of Object.entries(tpl as Readonly<Record<string, Tpl>>)) out[key] = fill(item, values);
    return out;
  }
  return tpl;
}

/** Runs steps in order. A `call` whose function is absent does nothing (a consent call with no client). */
export function runSteps(steps: readonly Step[], values: Values): void {
  for (const step of steps) {
    if ('call' in step) {
      const [owner, fn] = resolve(String(fill(step.call, values)));
      if (typeof fn !== 'function') continue;
      if (step.when) {
        const [whenOwner, flag] = resolve(step.when);
        if (!(typeof flag === 'function' ? (flag as Fn).call(whenOwner) : flag)) continue;
      }
      (fn as Fn).apply(owner, (step.args ?? []).map((a) => fill(a, values)));
    } else if ('push' in step) {
      const queue = queueAt(String(fill(step.push, values)));
      for (const item of step.items) queue.push(fill(item, values));
    } else {
      assign(String(fill(step.set, values)), fill(step.value, values), step.keep);
    }
  }
}

/**
 * Installs a command-queue stub (see `StubSpec`) unless the global is already there. Returns
 * whether it made a fresh one. Exported for the guard's no-throw stubs (issue 20): the same shape
 * the vendor's client expects to find and replay.
 */
export function installStub(spec: StubSpec, values: Values = { params: {}, defaults: {}, context: {} }): boolean {
  const w = globals();
  if (spec.array) {
    const arr = queueAt(spec.name) as unknown as unknown[] & Bag;
    for (const method of spec.methods ?? []) {
      if (typeof arr[method] !== 'function') {
        arr[method] = (...args: unknown[]) => {
          arr.push([method, ...args]);
          return arr;
        };
      }
    }
    for (const [key, value] of Object.entries(spec.props ?? {})) arr[key] = fill(value, values);
    return true;
  }
  if (w[spec.name] !== undefined) return false;
  const queueName = spec.queue ?? 'queue';
  const stub: Fn & Bag = Object.assign(
    function (...args: unknown[]): void {
      const target = spec.forward ? stub[spec.forward] : undefined;
      if (typeof target === 'function') (target as Fn)(...args);
      else if (spec.queueGlobal) queueAt(spec.queueGlobal).push(args);
      else (stub[queueName] as unknown[]).push(args);
    },
    spec.queueGlobal ? {} : { [queueName]: [] as unknown[] },
  );
  if (spec.selfPush) stub.push = stub;
  for (const [key, value] of Object.entries(spec.props ?? {})) stub[key] = fill(value, values);
  w[spec.name] = stub;
  if (spec.alias && w[spec.alias] === undefined) w[spec.alias] = stub;
  return true;
}

function addScript(spec: ScriptSpec, values: Values): void {
  injectScript(String(fill(spec.src, values, true)), values.context, (script) => {
    if (spec.defer) script.defer = true;
    if (spec.crossOrigin) script.crossOrigin = spec.crossOrigin;
    if (spec.id) script.id = spec.id;
    if (spec.charset) script.charset = spec.charset;
    for (const [key, value] of Object.entries(spec.data ?? {})) script.setAttribute(`data-${key}`, String(fill(value, values)));
    const onload = spec.onload;
    if (onload) script.addEventListener('load', () => runSteps(onload, values));
  });
}

/** A manifest as the catalog entry the vendor loader, the blocker and the dialog use. */
export function defineVendor(m: VendorManifest): VendorDefinition {
  const { stubs, init, script, consent, hook, skip, pasted: pastedPrefix, defaults = {}, hostParam, ...data } = m;
  const def: VendorDefinition = { ...data, ...(hostParam ? { hostParam: { name: hostParam, ...(defaults[hostParam] ? { default: defaults[hostParam] } : {}) } } : {}) };
  if (hook) def.load = hook;
  else if (script || init || stubs) {
    def.load = (params, context) => {
      const values: Values = { params, defaults, context };
      if (skip?.some((path) => Boolean(resolve(path)[1]))) return;
      if (pastedPrefix && pasted(String(fill(pastedPrefix, values, true)))) return;
      // A function stub already there means the client (or the site's own snippet) is on the page.
      let fresh = true;
      for (const stub of stubs ?? []) fresh = installStub(stub, values) && fresh;
      runSteps(init ?? [], values);
      if (script && fresh) addScript(script, values);
    };
  }
  if (consent) def.consent = (granted, params) => runSteps(granted ? consent.granted : consent.denied, { params, defaults, context: {} });
  return def;
}
