import { Suspense } from 'react'
import { createBrowserRouter, Navigate } from 'react-router'
import { lazyNamed } from './lazy-named.ts'
import { NotFound } from './NotFound.tsx'
import { PageLoading } from './PageLoading.tsx'
import { SignedIn } from './SignedIn.tsx'


const SignInPage = lazyNamed(() => import('../auth/SignInPage.tsx'), 'SignInPage')
const SignUpPage = lazyNamed(() => import('../auth/SignUpPage.tsx'), 'SignUpPage')
const ListPage = lazyNamed(() => import('../records/ListPage.tsx'), 'ListPage')
const KanbanPage = lazyNamed(() => import('../kanban/KanbanPage.tsx'), 'KanbanPage')
const RecordPage = lazyNamed(() => import('../record-page/RecordPage.tsx'), 'RecordPage')
const SettingsPage = lazyNamed(() => import('../settings/SettingsPage.tsx'), 'SettingsPage')
const PoolPage = lazyNamed(() => import('../pool/PoolPage.tsx'), 'PoolPage')
const ApprovalsPage = lazyNamed(() => import('../approvals/ApprovalsPage.tsx'), 'ApprovalsPage')
const TodayPage = lazyNamed(() => import('../reminders/TodayPage.tsx'), 'TodayPage')
const DuplicatesPage = lazyNamed(() => import('../duplicates/DuplicatesPage.tsx'), 'DuplicatesPage')
const QualityPage = lazyNamed(() => import('../quality/QualityPage.tsx'), 'QualityPage')
const SalesAnalyticsPage = lazyNamed(() => import('../forecast/SalesAnalyticsPage.tsx'), 'SalesAnalyticsPage')
const ImportPage = lazyNamed(() => import('../imports/ImportPage.tsx'), 'ImportPage')
const ImportHistoryPage = lazyNamed(() => import('../imports/ImportHistoryPage.tsx'), 'ImportHistoryPage')

/** Starts downloading the page a URL shows while the session and metadata are still being asked for. */
export function preloadPage(pathname: string) {
  const parts = pathname.split('/').filter(Boolean)
  if (parts[0] === 'settings') void SettingsPage.preload()
  else if (parts[0] === 'pool') void PoolPage.preload()
  else if (parts[0] === 'approvals') void ApprovalsPage.preload()
  else if (parts[0] === 'today') void TodayPage.preload()
  else if (parts[0] === 'quality') void QualityPage.preload()
  else if (parts[0] === 'analytics') void SalesAnalyticsPage.preload()
  else if (parts[0] === 'o' && parts[2] === 'kanban') void KanbanPage.preload()
  else if (parts[0] === 'o' && parts[2] === 'duplicates') void DuplicatesPage.preload()
  else if (parts[0] === 'o' && parts[2] === 'import') void ImportPage.preload()
  else if (parts[0] === 'imports') void ImportHistoryPage.preload()
  else if (parts[0] === 'o' && parts.length === 3) void RecordPage.preload()
  else if (parts[0] === 'o' || parts.length === 0) void ListPage.preload()
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <Suspense fallback={<PageLoading />}><SignInPage /></Suspense> },
  { path: '/sign-up', element: <Suspense fallback={<PageLoading />}><SignUpPage /></Suspense> },
  {
    path: '/',
    element: <SignedIn />,
    children: [
      { index: true, element: <Navigate to="/o/accounts" replace /> },
      { path: 'o/:object', element: <ListPage /> },
      { path: 'o/:object/kanban', element: <KanbanPage /> },
      { path: 'o/:object/duplicates', element: <DuplicatesPage /> },
      { path: 'o/:object/import', element: <ImportPage /> },
      { path: 'imports', element: <ImportHistoryPage /> },
      { path: 'o/:object/:id', element: <RecordPage /> },
      { path: 'settings/*', element: <SettingsPage /> },
      { path: 'pool', element: <PoolPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'quality', element: <QualityPage /> },
      { path: 'analytics', element: <SalesAnalyticsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
])
