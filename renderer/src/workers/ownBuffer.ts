/**
 * The bytes as an ArrayBuffer of exactly their length, ready to transfer to or from a worker: their own buffer when
 * they fill it, else a copy (a view into a larger or shared buffer would send, and detach, more than the bytes).
 */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? buffer : bytes.slice().buffer;
}
