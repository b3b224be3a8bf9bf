/**
 * Clinical-note padding so a chart reaches a realistic size (the benchmark's 5,000-element
 * page). Each note is 2 elements; none carries a label the adapters know.
 */
export function renderFiller(elements: number): string {
  if (elements <= 0) return "";
  const notes: string[] = [];
  for (let i = 0; i < Math.floor(elements / 2); i++) {
    notes.push(
      `<div class="note"><span>Note ${i + 1}</span> Évolution favorable, pas de plainte.</div>`,
    );
  }
  return `<section><h2>Notes de suivi</h2>${notes.join("")}</section>`;
}
