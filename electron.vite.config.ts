import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * main: the Electron entry plus plain-Node entries (browser mode, demo data, benchmarks, API docs).
 * preload: one CommonJS file, because a sandboxed preload can only require('electron').
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          web: resolve(__dirname, 'src/main/cli/web.ts'),
          'demo-data': resolve(__dirname, 'src/main/cli/demo-data.ts'),
          bench: resolve(__dirname, 'bench/run.ts'),
          'api-docs': resolve(__dirname, 'src/main/cli/api-docs.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
