import type { Category } from '@consentry/assembly';
import type { Component, Snippet } from 'svelte';

/** Renders its children while the category or vendor is granted, else the `fallback` snippet. */
declare const ConsentGate: Component<{ category?: Category; vendor?: string; children?: Snippet; fallback?: Snippet }>;
export default ConsentGate;
