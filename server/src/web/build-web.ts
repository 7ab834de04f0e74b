import { ensureWebBuild } from './web-build.ts'

/** `npm run build:web`: the same build (and stamp) `npm start` makes, so a later start reuses it. */
await ensureWebBuild()
