import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The consoles are one static bundle that every service serves on its own origin (dist/console).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // The services' Content-Security-Policy admits no inline script.
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
