/**
 * Why a file could not be opened, in words an operator reads without looking up errno.
 * @module
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a folder on its path is a file',
  ELOOP: 'too many symbolic links (a loop)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
}

/**
 * The reason of a file-system error, with its code for a search (`no such file (ENOENT)`); an error
 * without a known code gives its message.
 *
 * @example
 * fileErrorReason(Object.assign(new Error('…'), { code: 'EACCES' })) // 'permission denied (EACCES)'
 */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string') return REASONS[code] ? `${REASONS[code]} (${code})` : code
  return error instanceof Error ? error.message : String(error)
}
