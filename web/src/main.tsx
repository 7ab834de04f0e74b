import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { startEarlyRequests } from './app/boot.ts'
import { startI18n } from './i18n/i18n.ts'

startEarlyRequests()
await startI18n()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
