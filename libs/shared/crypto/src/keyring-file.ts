// Reading and writing the keyring file. Writes are atomic (a temp file in the same
// directory, fsynced, then renamed over or hard-linked into place), so a crash never
// leaves half a keyring; and the file is created 0600 in a 0700 directory, because
// whoever reads it can unwrap every patient's keys.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CryptoError, CryptoErrorCode } from './crypto.error';
import { type Keyring, parseKeyring, serializeKeyring } from './keyring-format';

/** Mode bits mean nothing on Windows (ACLs govern there), so the check is POSIX only. */
const CHECKS_MODE = process.platform !== 'win32';
const GROUP_OR_OTHER = 0o077;
const GROUP_READ = 0o040;

/** What a reader accepts beyond owner-only access (0600 / 0400). */
export interface KeyringAccess {
  /** Open a group/other accessible file anyway, reporting `insecurePermissions`. */
  readonly allowInsecurePermissions: boolean;
  /**
   * Accept group read (0640 / 0440) as secure: a Kubernetes Secret mounted for a
   * non-root pod is root-owned and readable through the pod's fsGroup, never 0600.
   */
  readonly allowGroupRead: boolean;
}

export interface KeyringFileRead {
  readonly keyring: Keyring;
  /** True when the file is group/other accessible and the caller allowed opening it anyway. */
  readonly insecurePermissions: boolean;
}

/** The keyring at `path`, or undefined when there is no file. */
export async function readKeyringFile(path: string, access: KeyringAccess): Promise<KeyringFileRead | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errno(error) === 'ENOENT') {
      return undefined;
    }
    throw new CryptoError(CryptoErrorCode.BadKeyring, `${path}: cannot open (${errno(error) ?? 'unknown error'})`);
  }
  try {
    // stat the handle, not the path: what is checked is what is read.
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new CryptoError(CryptoErrorCode.BadKeyring, `${path}: not a regular file`);
    }
    const forbidden = access.allowGroupRead ? GROUP_OR_OTHER & ~GROUP_READ : GROUP_OR_OTHER;
    const insecurePermissions = CHECKS_MODE && (stats.mode & forbidden) !== 0;
    if (insecurePermissions && !access.allowInsecurePermissions) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
      const fix = access.allowGroupRead ? 'chmod 640 it at most' : 'chmod 600 it';
      throw new CryptoError(CryptoErrorCode.InsecureKeyring, `${path}: mode ${mode} lets group or others at the KEKs; ${fix}`);
    }
    const text = await handle.readFile('utf8');
    return { keyring: parseKeyring(text, path), insecurePermissions };
  } catch (error) {
    throw error instanceof CryptoError ? error : new CryptoError(CryptoErrorCode.BadKeyring, `${path}: cannot read (${errno(error) ?? 'unknown error'})`);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `keyring` to `path`. 'create' succeeds only if no file exists yet (returns
 * false if another process got there first: the caller reads theirs); 'replace'
 * overwrites.
 */
export async function writeKeyringFile(path: string, keyring: Keyring, mode: 'create' | 'replace'): Promise<boolean> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(serializeKeyring(keyring), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode === 'create') {
      // link() fails on an existing target where rename() would silently replace it:
      // two services starting at once must not each mint a different first KEK.
      try {
        await link(temp, path);
      } catch (error) {
        if (errno(error) === 'EEXIST') {
          return false;
        }
        throw error;
      }
    } else {
      await rename(temp, path);
    }
    await syncDirectory(dir);
    return true;
  } catch (error) {
    throw error instanceof CryptoError ? error : new CryptoError(CryptoErrorCode.BadKeyring, `${path}: cannot write (${errno(error) ?? 'unknown error'})`);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Makes the rename durable; best effort, since not every platform can fsync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data itself is already synced; at worst a crash forgets the rename.
  }
}

function errno(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
