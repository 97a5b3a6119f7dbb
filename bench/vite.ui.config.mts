import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** The UI benchmark page (src/renderer/bench.html): the real workspace, built in production mode on its own. */
export default defineConfig({
  root: resolve(__dirname, '../src/renderer'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../out/bench-ui'),
    emptyOutDir: true,
    minify: process.env.BENCH_MINIFY !== '0',
    rollupOptions: { input: { bench: resolve(__dirname, '../src/renderer/bench.html') } },
  },
})
