import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordsApi, type ApiRecord } from '../api/records.ts'

/** A team's members are the users whose team is this one: saving moves users in and out. */
export function TeamMembers({ team, users, onClose }: { team: ApiRecord; users: ApiRecord[]; onClose: () => void }) {
  const { t } = useTranslation('settings')
  const { message } = App.useApp()
  const client = useQueryClient()
  const current = users.filter((user) => user.team_id === team.id).map((user) => user.id)
  const [members, setMembers] = useState<string[]>(current)
  const save = useMutation({
    mutationFn: async () => {
      const joining = users.filter((user) => members.includes(user.id) && user.team_id !== team.id)
      const leaving = users.filter((user) => !members.includes(user.id) && user.team_id === team.id)
      for (const user of joining) await recordsApi.update('users', user.id, user.version, { team_id: team.id })
      for (const user of leaving) await recordsApi.update('users', user.id, user.version, { team_id: null })
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['records', 'users'] }),
    onSuccess: () => { message.success(t('team.membersSaved')); onClose() },
    onError: (error) => message.error(error.message),
  })
  return (
    <Modal open title={t('team.membersOf', { team: String(team.name ?? '') })} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'team-members-save' } as Record<string, string>}>
      <Select mode="multiple" style={{ width: '100%' }} value={members} onChange={setMembers} data-testid="team-members" showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('team.pickMembers')}
        options={users.map((user) => ({ value: user.id, label: `${String(user.name ?? '')} · ${String(user.email ?? '')}` }))} />
    </Modal>
  )
}
