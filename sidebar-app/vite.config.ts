import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One HTML file per page; pages share src/lib. A team-lead dashboard for the nav_bar
// location is one more entry here (dashboard.html + src/dashboard/).
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
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
