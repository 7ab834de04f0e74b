/** Whether a field holds tags: a list relation to the tags object (shown as coloured chips). */
export const isTagsField = (field: { type: string; target?: string; relationKind?: string }) =>
  field.type === 'relation' && field.target === 'tags' && field.relationKind === 'many_to_many'
