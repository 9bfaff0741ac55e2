/**
 * A minimal POSIX tar (ustar, with a pax header for long names) writer and
 * reader, so a backup is a plain `.tar.gz` that `tar tzf` can list, written
 * and read as a stream without a dependency. Only regular files are written;
 * the reader accepts regular files and pax headers and refuses the rest.
 */

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

export class TarFormatError extends Error {}

export type TarEntry = { name: string; data: Buffer };

function writeString(header: Buffer, value: string, offset: number, length: number) {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > length) throw new TarFormatError(`tar-veld te lang: ${value}`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, value: number, offset: number, length: number) {
  writeString(header, `${value.toString(8).padStart(length - 1, "0")}\0`, offset, length);
}

/** Splits `name` into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a slash, or null when it cannot. */
function splitName(name: string): { prefix: string; name: string } | null {
  if (Buffer.byteLength(name) <= 100) return { prefix: "", name };
  for (let slash = name.indexOf("/"); slash !== -1; slash = name.indexOf("/", slash + 1)) {
    const prefix = name.slice(0, slash);
    const rest = name.slice(slash + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  return null;
}

function header(name: string, size: number, mtime: number, type: "0" | "x", prefix = ""): Buffer {
  if (size > MAX_SIZE) throw new TarFormatError(`${name} is groter dan 8 GiB, de grens van tar.`);
  const block = Buffer.alloc(BLOCK);
  writeString(block, name, 0, 100);
  writeOctal(block, 0o600, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, size, 124, 12);
  writeOctal(block, mtime, 136, 12);
  block.fill(" ", 148, 156);
  writeString(block, type, 156, 1);
  writeString(block, "ustar\u000000", 257, 8);
  writeString(block, prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, `${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The blocks of one regular file, preceded by a pax header when its name does not fit ustar. */
export function tarFile(name: string, data: Buffer, mtime = new Date()): Buffer[] {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const split = splitName(name);
  const blocks: Buffer[] = [];
  if (!split) {
    const record = (length: number) => `${length} path=${name}\n`;
    let length = Buffer.byteLength(record(0));
    while (Buffer.byteLength(record(length)) !== length) length = Buffer.byteLength(record(length));
    const pax = Buffer.from(record(length), "utf8");
    blocks.push(header("././@PaxHeader", pax.length, seconds, "x"), pax, padding(pax.length));
  }
  const short = split ?? { prefix: "", name: name.slice(-100) };
  blocks.push(header(short.name, data.length, seconds, "0", short.prefix), data, padding(data.length));
  return blocks;
}

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(BLOCK * 2);

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError("geen geldig tar-blok");
  return Number.parseInt(text, 8);
}

function verifyChecksum(block: Buffer) {
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 32 : block[index]!;
  if (readOctal(block, 148, 8) !== sum) throw new TarFormatError("geen geldig tar-blok (controlegetal)");
}

function paxPath(data: Buffer): string | null {
  for (const line of data.toString("utf8").split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match) return match[1]!;
  }
  return null;
}

/**
 * The files of a tar stream, one at a time (each held in memory while it is
 * handed out). Throws TarFormatError on anything but a well-formed archive
 * that ends with its two zero blocks.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  // Chunks are joined once per item, not once per chunk: a large table stays linear.
  let chunks: Buffer[] = [];
  let length = 0;
  const iterator = source[Symbol.asyncIterator]();
  async function take(size: number): Promise<Buffer | null> {
    while (length < size) {
      const next = await iterator.next();
      if (next.done) return null;
      chunks.push(next.value);
      length += next.value.length;
    }
    const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    chunks = length > size ? [joined.subarray(size)] : [];
    length -= size;
    return joined.subarray(0, size);
  }

  let longName: string | null = null;
  for (;;) {
    const block = await take(BLOCK);
    if (!block) throw new TarFormatError("het archief houdt midden in op");
    if (block.every((byte) => byte === 0)) {
      // Read on to the end, so the gzip layer checks its length and CRC: a cut-off tail is noticed too.
      while (!(await iterator.next()).done);
      return;
    }
    verifyChecksum(block);
    const size = readOctal(block, 124, 12);
    const type = readString(block, 156, 1) || "0";
    const body = await take(size + padding(size).length);
    if (!body) throw new TarFormatError("het archief houdt midden in op");
    const data = Buffer.from(body.subarray(0, size));
    if (type === "x") {
      longName = paxPath(data);
      continue;
    }
    if (type !== "0") throw new TarFormatError(`onverwacht soort tar-item (${type})`);
    const prefix = readString(block, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100));
    longName = null;
    yield { name, data };
  }
}
