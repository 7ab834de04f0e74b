import { Modal } from 'antd'

export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  return <Modal open={open} onCancel={onClose} footer={null} />
}
