import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;
const ZENDESK_PAGES: Record<string, string> = {
  sidebar: resolve(here, 'sidebar.html'),
  preview: resolve(here, 'preview.html'),
  dashboard: resolve(here, 'dashboard.html'),
};
const FRESHWORKS_PAGES: Record<string, string> = {
  index: resolve(here, 'freshworks/app/index.html'),
  dashboard: resolve(here, 'freshworks/app/dashboard.html'),
};

// One HTML file per page; pages share src/lib and the sidebar's components. The Zendesk build (default): the
// sidebar, the local preview and the team-lead dashboard (nav_bar location), served by the backend under /app/,
// drawn with Zendesk Garden. `--mode freshworks`: the Freshworks app's pages (freshworks/app/), drawn with
// Freshworks Crayons, with relative asset paths as Freshworks serves the app's own files. `@ui` names the kit.
export default defineConfig(({ mode }) => {
  const freshworks = mode === 'freshworks';
  return {
    base: freshworks ? './' : '/app/',
    root: freshworks ? resolve(here, 'freshworks/app') : here,
    // The Freshworks app's icon (styles/images/icon.svg) is copied as it is.
    publicDir: freshworks ? resolve(here, 'freshworks/public') : false,
    oxc: { jsx: { runtime: 'automatic' } },
    resolve: { alias: { '@ui': resolve(here, freshworks ? 'src/ui/crayons.tsx' : 'src/ui/garden.tsx') } },
    build: {
      outDir: freshworks ? resolve(here, 'dist-freshworks/app') : 'dist',
      emptyOutDir: true,
      rollupOptions: {
        input: freshworks ? FRESHWORKS_PAGES : ZENDESK_PAGES,
      },
    },
    test: {
      root: here,
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
    },
  };
});
