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
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
