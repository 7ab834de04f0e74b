// Builds the web app with Vite in a process of its own (spawned by web-build.ts): the bundler's
// modules and garbage then never stay in the server's memory. Plain JavaScript: it starts without a TypeScript loader.
import path from 'node:path'
import { build } from 'vite'

const projectRoot = path.resolve(import.meta.dirname, '../../..')
// Always React's production build, even when started under a test runner (NODE_ENV=test).
process.env.NODE_ENV = 'production'
await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
