import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The dev server injects stylesheets as inline <style> elements, which the app's Content-Security-Policy refuses.
 * Allow them while serving only; built pages keep the strict policy.
 */
const devServerStyles: Plugin = {
  name: 'gantry-dev-server-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

/** Browser mode: the same renderer, served as an ordinary web page with the web platform. */
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [react(), devServerStyles],
  server: { host: '127.0.0.1', port: 5183 },
  preview: { host: '127.0.0.1', port: 5184 },
  build: { outDir: resolve(__dirname, 'dist-web'), emptyOutDir: true },
})
