/**
 * SIRET check: 14 digits passing the Luhn algorithm, except La Poste establishments
 * (SIREN 356000000) whose digit sum is divisible by 5 (spec/README.md, "SIRET").
 */
const LA_POSTE_SIREN = '356000000'

/** True when `siret` is 14 digits and passes the Luhn check (or La Poste's rule). */
export function siretIsValid(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false
  if (siret.startsWith(LA_POSTE_SIREN)) {
    let sum = 0
    for (const c of siret) sum += c.charCodeAt(0) - 48
    return sum % 5 === 0
  }
  return luhnSum(siret) % 10 === 0
}

/** The Luhn sum of a digit string (doubling every second digit from the right). */
export function luhnSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum
}

/** Completes 13 digits into a valid SIRET by choosing the last (Luhn) digit. */
export function completeSiret(first13: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${first13}${d}`
    if (luhnSum(candidate) % 10 === 0) return candidate
  }
  throw new Error(`no luhn digit for ${first13}`)
}
