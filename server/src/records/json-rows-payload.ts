/**
 * The rows as a JSON array in UTF-8 bytes, for a bulk insert's single parameter. Each row is
 * stringified and encoded on its own into one buffer: JSON.stringify of a whole batch builds a
 * multi-megabyte string rope that pg then flattens into a second copy, both in V8's old generation,
 * while this keeps the payload outside the JS heap and every string short-lived.
 * pg sends a Buffer parameter in binary format, which for `json` is the same UTF-8 text.
 */
export function jsonRowsPayload(rows: readonly unknown[]): Buffer {
  if (rows.length === 0) return Buffer.from('[]')
  const first = JSON.stringify(rows[0])
  // Sized from the first row (a batch's rows are alike), so it seldom has to grow.
  let buffer = Buffer.allocUnsafe(Math.ceil((Buffer.byteLength(first) + 1) * rows.length * 1.2) + 64)
  let offset = buffer.write('[')
  const write = (text: string) => {
    const bytes = Buffer.byteLength(text)
    if (offset + bytes + 1 > buffer.length) {
      const grown = Buffer.allocUnsafe(buffer.length + (buffer.length >> 1) + bytes)
      buffer.copy(grown, 0, 0, offset)
      buffer = grown
    }
    offset += buffer.write(text, offset)
  }
  write(first)
  for (let index = 1; index < rows.length; index++) {
    offset += buffer.write(',', offset)
    write(JSON.stringify(rows[index]))
  }
  offset += buffer.write(']', offset)
  return buffer.subarray(0, offset)
}
