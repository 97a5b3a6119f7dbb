import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** Browser mode: the same renderer, served as an ordinary web page with the web platform. */
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5183 },
  preview: { host: '127.0.0.1', port: 5184 },
  build: { outDir: resolve(__dirname, 'dist-web'), emptyOutDir: true },
})
