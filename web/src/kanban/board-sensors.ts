import { PointerSensor, TouchSensor, useSensor, useSensors, type PointerActivationConstraint } from '@dnd-kit/core'
import type { PointerEvent } from 'react'

/** Mouse and pen only: touch goes to the TouchSensor so a finger can still scroll the board. */
class MouseOrPenSensor extends PointerSensor {
  static activators = [{
    eventName: 'onPointerDown' as const,
    handler: ({ nativeEvent }: PointerEvent) => nativeEvent.isPrimary && nativeEvent.button === 0 && nativeEvent.pointerType !== 'touch',
  }]
}

const MOUSE: PointerActivationConstraint = { distance: 5 }
// A short press picks a card up on touch; a swipe scrolls.
const TOUCH: PointerActivationConstraint = { delay: 200, tolerance: 8 }

export function useBoardSensors() {
  return useSensors(useSensor(MouseOrPenSensor, { activationConstraint: MOUSE }), useSensor(TouchSensor, { activationConstraint: TOUCH }))
}
