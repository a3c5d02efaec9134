// The details panel of an asset: its compliance score and its colors as swatches with their
// coverage and where they came from (extracted from the image, on or off palette, or declared).
import type { ExplorerBrandQuery } from "../generated/graphql.ts";

type AssetNode = NonNullable<ExplorerBrandQuery["brand"]>["assets"]["edges"][number]["node"];

const percent = (share: number | null) => (share == null ? "" : `${(share * 100).toFixed(1)}%`);

function originOf(color: AssetNode["colors"][number]): string {
  if (color.source !== "extracted") return "declared";
  return color.onPalette ? "extracted · on palette" : "extracted · off palette";
}

export function assetDetails(asset: AssetNode): HTMLElement[] {
  const score = document.createElement("p");
  score.className = "compliance";
  score.textContent = `Compliance score: ${asset.complianceScore == null ? "none" : asset.complianceScore.toFixed(2)}`;
  const list = document.createElement("ul");
  list.className = "swatches";
  for (const color of asset.colors) {
    const item = document.createElement("li");
    item.dataset.hex = color.hex;
    item.dataset.source = color.source;
    if (color.onPalette === false) item.classList.add("off-palette");
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.style.backgroundColor = color.hex;
    item.append(chip, `${color.hex} ${percent(color.coverage)} (${originOf(color)})`);
    list.append(item);
  }
  const prompt = document.createElement("p");
  prompt.textContent = asset.prompt;
  return [score, list, prompt];
}
