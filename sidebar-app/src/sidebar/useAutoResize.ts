import { useEffect, type RefObject } from 'react';
import type { Host } from '../lib/host/host';

/** Keeps the sidebar frame as tall as its content. */
export function useAutoResize(host: Host, ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(el.getBoundingClientRect().height) + 16;
      if (height !== last) {
        last = height;
        void host.resize(height).catch(() => undefined);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [host, ref]);
}
