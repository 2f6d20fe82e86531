// The dashboard's build: Preact, bundled into web/dist at install time (npm ci runs it), served by Reclaim at `/`.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true }, '/documents': 'http://127.0.0.1:4000' },
  },
});
