import { Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { PageLoading } from '../app/PageLoading.tsx'
import { useMetadata } from '../metadata/use-metadata.ts'
import { ObjectList } from './ObjectList.tsx'

/** /o/:object — the list of any object the caller may read. */
export function ListPage() {
  const { t } = useTranslation('records')
  const { object: name } = useParams()
  const { data: objects, isPending } = useMetadata()
  const object = objects?.find((candidate) => candidate.name === name)
  if (isPending) return <PageLoading />
  if (!object) return <Empty description={t('notFound')} style={{ marginTop: 64 }} />
  // Keyed by object: filters, selection and columns never leak from one object's list to another's.
  return <ObjectList key={object.name} object={object} />
}
