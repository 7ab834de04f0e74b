import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import 'antd/dist/antd.css'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useTranslation } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { queryClient } from './query-client.ts'
import { router } from './routes.tsx'

/** Providers: data cache, Ant Design in the chosen language, routes. */
export function App() {
  const { i18n } = useTranslation()
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ zeroRuntime: true }}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
