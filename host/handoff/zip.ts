/**
 * The package as a .zip: files at the archive's root (DESIGN.md), deflated, written and read
 * with Node's own zlib (no dependency). Only what Quarry writes needs reading back, but the
 * reader takes any plain zip an engineer re-zipped (stored or deflated entries, no encryption,
 * no ZIP64) and refuses an entry whose path would leave the package.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { isPackagePath } from '../../core/handoff/package-layout';
import type { PackageFiles } from './package-files';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** Bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;
/** 1980-01-01 00:00 in DOS time: the same bytes for the same files, whenever written. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** The zip of `files`, in path order, with fixed timestamps so equal packages zip equal. */
export function writeZip(files: PackageFiles): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const path of [...files.keys()].sort()) {
    const data = files.get(path)!;
    const name = Buffer.from(path, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : Buffer.from(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(useDeflate ? DEFLATED : STORED, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(useDeflate ? DEFLATED : STORED, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralBytes, end]));
}

/** The files of a zip; throws saying what is wrong (`not a zip`, `entry X: CRC mismatch`). */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = findEndOfCentral(buffer);
  const count = buffer.readUInt16LE(endAt + 10);
  let at = buffer.readUInt32LE(endAt + 16);
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new Error('not a readable zip: its central directory is damaged');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localAt = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new Error(`zip entry ${name}: encrypted entries are not supported`);
    if (!isPackagePath(name)) throw new Error(`zip entry ${name}: not a path inside the package`);
    if (files.has(name)) throw new Error(`zip entry ${name}: listed twice`);
    if (buffer.readUInt32LE(localAt) !== LOCAL_HEADER)
      throw new Error(`zip entry ${name}: its local header is damaged`);
    const dataAt =
      localAt + 30 + buffer.readUInt16LE(localAt + 26) + buffer.readUInt16LE(localAt + 28);
    const body = buffer.subarray(dataAt, dataAt + compressed);
    const data = inflate(name, method, body);
    if (data.length !== size || crc32(data) !== crc)
      throw new Error(`zip entry ${name}: its content does not match its CRC (damaged)`);
    files.set(name, new Uint8Array(data));
  }
  return files;
}

function inflate(name: string, method: number, body: Buffer): Buffer {
  switch (method) {
    case STORED:
      return Buffer.from(body);
    case DEFLATED:
      try {
        return inflateRawSync(body);
      } catch {
        throw new Error(`zip entry ${name}: its deflated data is damaged`);
      }
    default:
      throw new Error(`zip entry ${name}: compression method ${method} is not supported`);
  }
}

function findEndOfCentral(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--)
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL) return at;
  throw new Error('not a zip file (no end of central directory record)');
}
