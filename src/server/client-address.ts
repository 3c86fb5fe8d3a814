import { isIP } from 'node:net'

/** The key of a request whose socket has no address (tests through app.request). */
export const UNKNOWN_ADDRESS = 'inconnue'

/**
 * The address a request came from, for the per-address limit of failed sign-ins.
 *
 * With no trusted proxy (`trustedHops` 0) it is the socket's peer, whatever X-Forwarded-For says:
 * a client writes that header as it likes. Behind `trustedHops` reverse proxies, the nearest being
 * the socket's peer, each proxy appended the address it saw to X-Forwarded-For: the right-most
 * `trustedHops` entries are theirs, and the right-most of the others is the client as the
 * farthest trusted proxy saw it; everything left of it is what the client sent, and is ignored.
 * A chain shorter than configured gives its left-most entry (every entry was then written by a
 * trusted proxy). A missing header, or one whose trusted part is not a list of IP addresses, gives
 * the socket's peer: counted under the proxy's address, never under an address a client chose.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedHops: number,
): string {
  const socket = socketAddress || UNKNOWN_ADDRESS
  if (trustedHops < 1 || forwardedFor === undefined) return socket
  const entries = forwardedFor.split(',').map((entry) => entry.trim())
  const trusted = entries.slice(Math.max(0, entries.length - trustedHops))
  if (!trusted.every((entry) => isIP(entry) !== 0)) return socket
  return trusted[0]!
}
