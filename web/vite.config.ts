import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const webRoot = new URL('.', import.meta.url).pathname

/** The browser app: built into web/dist and served by the API server; `npm run dev:web` proxies /api to it. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one chunk: it compresses better than dozens of
        // small ones and costs one request; pages, drawers and editors stay in their own lazy chunks.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    // /f/ serves the embeddable web-form scripts (the settings page previews them).
    proxy: { '/api': 'http://127.0.0.1:3000', '/f/': 'http://127.0.0.1:3000' },
  },
})
