import { fetchSession, sessionKey } from '../auth/use-session.ts'
import { fetchMetadata, METADATA_STALE_MS, metadataKey } from '../metadata/use-metadata.ts'
import { queryClient } from './query-client.ts'
import { preloadPage } from './routes.tsx'

/**
 * Asks for the session and the metadata and fetches the page's code at once, in parallel, instead of
 * one after the other as the components mount: the first rows come a few round trips sooner.
 */
export function startEarlyRequests() {
  if (location.pathname.startsWith('/sign-')) return
  preloadPage(location.pathname)
  void queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity })
  const metadata = queryClient.fetchQuery({ queryKey: metadataKey, queryFn: fetchMetadata, staleTime: METADATA_STALE_MS })
  // A list page: its first rows are asked for as soon as the metadata says what to ask.
  const [, o, name, more] = location.pathname.split('/')
  if (o === 'o' && name && !more) {
    void Promise.all([metadata, import('../records/list-request.ts')]).then(([objects, { prefetchList }]) => {
      const object = objects.find((candidate) => candidate.name === name)
      if (object) prefetchList(queryClient, object)
    }, () => undefined)
  } else {
    metadata.catch(() => undefined)
  }
}
