/**
 * UUIDv7 identifiers. Mutators never call a random source themselves: they take ids from an
 * IdSource seeded by the dispatcher, so the hub can replay a mutation and produce the same ids.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function format(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[bytes[i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

function fill(bytes: Uint8Array, ms: number): void {
  // 48-bit big-endian millisecond timestamp.
  let t = Math.floor(ms);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
}

/**
 * Random bytes from the platform's CSPRNG, drawn 4 KiB at a time: one getRandomValues call costs
 * a system call (~40 µs on the desk's VMs), and every mutation needs a seed and an audit id. Bytes
 * handed out are never handed out again.
 */
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;

function randomInto(bytes: Uint8Array): void {
  if (poolAt + bytes.length > POOL.length) {
    globalThis.crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  bytes.set(POOL.subarray(poolAt, poolAt + bytes.length));
  POOL.fill(0, poolAt, poolAt + bytes.length);
  poolAt += bytes.length;
}

/** A random UUIDv7 (random bits from the platform's crypto.getRandomValues). */
export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  randomInto(bytes);
  fill(bytes, now);
  return format(bytes);
}

/** 32-bit FNV-1a, used to stretch a seed deterministically. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface IdSource {
  next(): string;
}

/** Deterministic UUIDv7s from a seed: same seed and time, same sequence of ids. */
export function seededIds(seed: string, now: number): IdSource {
  let counter = 0;
  return {
    next() {
      counter++;
      const bytes = new Uint8Array(16);
      for (let w = 0; w < 4; w++) {
        const h = fnv1a(`${seed}:${counter}:${w}`);
        bytes[w * 4] = h >>> 24;
        bytes[w * 4 + 1] = (h >>> 16) & 0xff;
        bytes[w * 4 + 2] = (h >>> 8) & 0xff;
        bytes[w * 4 + 3] = h & 0xff;
      }
      fill(bytes, now);
      return format(bytes);
    },
  };
}

export function randomSeed(): string {
  const bytes = new Uint8Array(12);
  randomInto(bytes);
  return Array.from(bytes, (b) => HEX[b]).join('');
}
