import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Not part of `tsc -p .` (it would need @types/node); Vite bundles and runs it itself.
const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const backend = 'http://127.0.0.1:5080';

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: '../Gateway/wwwroot',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: page('./index.html'),
        widget: page('./widget.html'),
      },
      output: {
        // React and SignalR in one cacheable chunk shared by both pages.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/hubs': { target: backend, changeOrigin: false, ws: true },
    },
  },
});
