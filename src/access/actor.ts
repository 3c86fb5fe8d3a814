/**
 * Who read, as the audit log names them. A bearer token is named by its partner and its
 * `partner_token.id`: a partner can hold several tokens over time (rotated, or one per system),
 * and the id tells them apart without revealing anything of the secret. `passerelle partners
 * tokens --code CODE` maps an id to when the token was issued and revoked.
 */
export function tokenActor(partnerCode: string, tokenId: number): string {
  return `token:${partnerCode}#${tokenId}`
}
