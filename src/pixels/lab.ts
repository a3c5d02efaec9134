// Every color conversion and color difference in src/pixels goes through culori, so no hand-written
// color science sits here. CIELAB with the D65 white ("lab65") because the source pixels are sRGB
// (D65) and CIEDE2000 is defined on CIELAB: clustering, merging and snapping all measure in one space.
import { converter, differenceCiede2000, formatHex, modeLab65, modeRgb, parseHex, useMode } from "culori/fn";

useMode(modeRgb);
useMode(modeLab65);

export interface Lab {
  readonly l: number;
  readonly a: number;
  readonly b: number;
}

const toLab = converter("lab65");
const toRgb = converter("rgb");
const ciede2000 = differenceCiede2000();

/** sRGB channels in 0–255 (fractions allowed: a bin's or a cluster's mean). */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const { l, a, b: bb } = toLab({ mode: "rgb", r: r / 255, g: g / 255, b: b / 255 });
  return { l, a, b: bb };
}

/** '#RRGGBB', upper case (the project's one spelling); out-of-gamut values are clamped. */
export function labToHex(lab: Lab): string {
  return formatHex({ mode: "lab65", ...lab }).toUpperCase();
}

export function labToRgb(lab: Lab): [number, number, number] {
  const { r, g, b } = toRgb({ mode: "lab65", ...lab });
  const channel = (c: number) => Math.min(255, Math.max(0, c * 255));
  return [channel(r), channel(g), channel(b)];
}

/** `hex` must already be '#RRGGBB' (src/domain/hex.ts normalises input). */
export function hexToLab(hex: string): Lab {
  const rgb = parseHex(hex);
  if (!rgb) throw new Error(`not a hex color: ${hex}`);
  const { l, a, b } = toLab(rgb);
  return { l, a, b };
}

/** CIEDE2000 with the reference conditions' weights kL = kC = kH = 1. */
export function deltaE00(x: Lab, y: Lab): number {
  return ciede2000({ mode: "lab65", ...x }, { mode: "lab65", ...y });
}
