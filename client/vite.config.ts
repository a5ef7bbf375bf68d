import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const serverOrigin = 'http://localhost:3000';
const sharedSource = fileURLToPath(new URL('../shared/src/', import.meta.url));

/** The boot placeholder in index.html shows the catalogue's loading text until the app starts. */
function bootPlaceholder(): Plugin {
  const catalogue = JSON.parse(readFileSync(new URL('./src/locales/fr.json', import.meta.url), 'utf8')) as {
    app: { loading: string };
  };
  return {
    name: 'coupole-boot-placeholder',
    transformIndexHtml: (html) => html.replace('%COUPOLE_LOADING%', catalogue.app.loading),
  };
}

export default defineConfig({
  plugins: [react(), bootPlaceholder()],
  resolve: {
    // The client compiles the shared source directly, so no shared build is needed in dev.
    alias: {
      '@coupole/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    // Host is passed on unchanged: the server accepts state-changing requests and socket
    // handshakes only when their Origin names the host they were sent to (CSRF check).
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: false },
      '/socket.io': { target: serverOrigin, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // shared/ is pure declarations (no top-level effects), but its package.json does not say
        // so; without this, importing ROLES would pull the editor, Yjs and markdown-it in.
        moduleSideEffects: (id) => !id.startsWith(sharedSource),
      },
    },
  },
});
