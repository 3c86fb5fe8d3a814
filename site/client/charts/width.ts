/** The room a chart gets: its container's width, within bounds that keep labels readable. */
export function chartWidth(element: HTMLElement): number {
  return Math.max(320, Math.min(960, element.clientWidth || 640))
}
