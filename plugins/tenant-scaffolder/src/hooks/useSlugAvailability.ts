import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import {
  SlugAvailability,
  tenantScaffolderApiRef,
} from '../api/TenantScaffolderApi';

export const SLUG_CHECK_DELAY_MS = 300;

export type SlugCheck =
  | { state: 'idle' }
  | { state: 'checking'; slug: string }
  | { state: 'checked'; result: SlugAvailability }
  | { state: 'failed'; slug: string; error: Error };

/** Asks the backend whether `slug` is free, once typing pauses for 300 ms. */
export function useSlugAvailability(slug: string): SlugCheck {
  const api = useApi(tenantScaffolderApiRef);
  const [check, setCheck] = useState<SlugCheck>({ state: 'idle' });
  const [debounced, setDebounced] = useState(slug);

  useDebounce(() => setDebounced(slug), SLUG_CHECK_DELAY_MS, [slug]);

  // Typing shows "checking" at once, so an old answer never shows for a new slug.
  useEffect(() => {
    setCheck(slug ? { state: 'checking', slug } : { state: 'idle' });
  }, [slug]);

  useEffect(() => {
    if (!debounced) return undefined;
    let current = true;
    api.getSlugAvailability(debounced).then(
      result => {
        if (current) setCheck({ state: 'checked', result });
      },
      error => {
        if (current) setCheck({ state: 'failed', slug: debounced, error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, debounced]);

  if (check.state === 'checked' && check.result.slug !== slug) {
    return slug ? { state: 'checking', slug } : { state: 'idle' };
  }
  return check;
}
