import { Navigate, useLocation } from 'react-router'
import { useSession } from '../auth/use-session.ts'
import { AppLayout } from './AppLayout.tsx'
import { PageLoading } from './PageLoading.tsx'

/** Routes behind sign-in: the layout when signed in, the sign-in page otherwise. */
export function SignedIn() {
  const { data: session, isPending } = useSession()
  const location = useLocation()
  if (isPending) return <PageLoading />
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />
  return <AppLayout session={session} />
}
