import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const here = fileURLToPath(new URL('.', import.meta.url))

/**
 * The UI benchmark pages: src/renderer/bench.html (the real workspace) and bench-floor.html (the scroll-jump
 * calibration), and bench-app.html (the real application in browser mode, for the open, edit and heap figures),
 * built in production mode on their own.
 */
export default defineConfig({
  root: resolve(here, '../src/renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../out/bench-ui'),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    rollupOptions: { input: { bench: resolve(here, '../src/renderer/bench.html'), floor: resolve(here, '../src/renderer/bench-floor.html'), app: resolve(here, '../src/renderer/bench-app.html') } },
  },
})
