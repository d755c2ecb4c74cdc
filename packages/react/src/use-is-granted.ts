import type { GrantTarget } from '@consentry/assembly';
import { useConsentry } from './consent-context.js';
import { useConsentState } from './use-consent.js';

/** Whether a category (`'statistics'`) or vendor (`{ vendor: 'youtube' }`) is granted right now. */
export function useIsGranted(target: GrantTarget): boolean {
  const door = useConsentry();
  return door.isGranted(target, useConsentState(door));
}
