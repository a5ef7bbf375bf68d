export function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}
