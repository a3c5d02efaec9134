// The details panel of another organization's brand, reached as a similar brand: what the schema's
// ForeignBrand exposes (its name) and what the similarity itself says (the colors both brands own,
// the score). Nothing more is asked of the gateway, because nothing more may be seen.
const fmt = (n: number) => n.toFixed(2);

/** The brand's name is the panel's title already. */
export interface ForeignBrandView {
  readonly shared: readonly string[];
  readonly score: number;
}

export function foreignBrandDetails({ shared, score }: ForeignBrandView): HTMLElement[] {
  const owner = document.createElement("p");
  owner.className = "foreign-note";
  owner.textContent = "A brand of another organization: only its name and the colors it shares with yours are visible.";
  const similarity = document.createElement("p");
  similarity.className = "similarity";
  similarity.textContent = `Similarity score: ${fmt(score)} (${shared.length} shared ${shared.length === 1 ? "color" : "colors"})`;
  const list = document.createElement("ul");
  list.className = "swatches shared-colors";
  for (const hex of shared) {
    const item = document.createElement("li");
    item.dataset.hex = hex;
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.style.backgroundColor = hex;
    item.append(chip, hex);
    list.append(item);
  }
  return [owner, similarity, list];
}
