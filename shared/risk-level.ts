/** The words a back channel's risk is shown in (players' badge and the cockpit alike): low under 5 %, elevated under 12 %, then high. */
export function riskLevel(risk: number): 'low' | 'elevated' | 'high' {
  if (risk < 0.05) return 'low';
  if (risk < 0.12) return 'elevated';
  return 'high';
}
