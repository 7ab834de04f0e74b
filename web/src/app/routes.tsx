import { lazy, Suspense, type ComponentType } from 'react'
import { createBrowserRouter, Navigate } from 'react-router'
import { NotFound } from './NotFound.tsx'
import { PageLoading } from './PageLoading.tsx'
import { SignedIn } from './SignedIn.tsx'

/** A page loaded on first visit, so the first screen downloads only what it shows. */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })))
}

const SignInPage = page(() => import('../auth/SignInPage.tsx'), 'SignInPage')
const SignUpPage = page(() => import('../auth/SignUpPage.tsx'), 'SignUpPage')
const ListPage = page(() => import('../records/ListPage.tsx'), 'ListPage')
const KanbanPage = page(() => import('../kanban/KanbanPage.tsx'), 'KanbanPage')
const RecordPage = page(() => import('../record-page/RecordPage.tsx'), 'RecordPage')
const SettingsPage = page(() => import('../settings/SettingsPage.tsx'), 'SettingsPage')

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
      { path: 'o/:object/:id', element: <RecordPage /> },
      { path: 'settings/*', element: <SettingsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
])
