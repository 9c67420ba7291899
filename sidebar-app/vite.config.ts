import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One HTML file per page; pages share src/lib. The team-lead dashboard (nav_bar location)
// is dashboard.html + src/dashboard/.
export default defineConfig({
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        sidebar: resolve(import.meta.dirname, 'sidebar.html'),
        preview: resolve(import.meta.dirname, 'preview.html'),
        dashboard: resolve(import.meta.dirname, 'dashboard.html'),
      },
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
