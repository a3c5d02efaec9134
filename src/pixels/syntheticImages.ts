// Images with a known answer, for the accuracy tests and the bench: each generator returns the
// encoded image and its ground truth (each color's share of the visible area). Everything is
// drawn from fixed numbers and a seeded generator, so every run sees the same bytes.
import sharp from "sharp";

export interface TruthColor {
  readonly hex: string;
  /** Share of the visible (alpha-weighted) area, 0–1. */
  readonly coverage: number;
}

export interface SyntheticImage {
  readonly name: string;
  readonly image: Buffer;
  readonly truth: readonly TruthColor[];
}

type Rgb = readonly [number, number, number];

export const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;

/** mulberry32: a tiny seeded generator, so noise is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates (Box–Muller) from a seeded uniform generator. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const raw = (width: number, height: number, channels: 3 | 4, data: Uint8Array) =>
  sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels } });

/** Vertical stripes of flat colors, `shares` of the width each (they must sum to 1). */
export function stripes(width: number, height: number, colors: readonly { hex: string; share: number }[]): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  const columns: Rgb[] = [];
  for (const { hex, share } of colors) for (let i = 0; i < Math.round(share * width); i++) columns.push(rgbOf(hex));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(columns[Math.min(x, columns.length - 1)]!, (y * width + x) * 3);
  }
  return data;
}

export async function flatRegions(format: "png" | "jpeg" = "png", quality = 90): Promise<SyntheticImage> {
  const colors = [
    { hex: "#1F4E79", share: 0.45 },
    { hex: "#F2C14E", share: 0.3 },
    { hex: "#D1495B", share: 0.15 },
    { hex: "#EDEAE5", share: 0.1 },
  ];
  const [width, height] = [400, 300];
  const encoder = raw(width, height, 3, stripes(width, height, colors));
  const image = await (format === "png" ? encoder.png() : encoder.jpeg({ quality })).toBuffer();
  return { name: `flat regions (${format === "png" ? "PNG" : `JPEG q${quality}`})`, image, truth: colors.map(({ hex, share }) => ({ hex, coverage: share })) };
}

/**
 * Flat A, a linear sRGB ramp from A to B, flat B, flat C. A ramp's pixels are blends, not
 * colors: half the ramp counts to A and half to B, as if the boundary sat at its middle.
 */
export async function gradientBand(): Promise<SyntheticImage> {
  const [a, b, c] = ["#2A9D8F", "#E76F51", "#264653"].map(rgbOf) as [Rgb, Rgb, Rgb];
  const [width, height] = [500, 300];
  const edges = [0.4, 0.55, 0.8].map((s) => Math.round(s * width)) as [number, number, number];
  const data = new Uint8Array(width * height * 3);
  for (let x = 0; x < width; x++) {
    let px: Rgb;
    if (x < edges[0]) px = a;
    else if (x < edges[1]) {
      const t = (x - edges[0] + 0.5) / (edges[1] - edges[0]);
      px = [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as unknown as Rgb;
    } else if (x < edges[2]) px = b;
    else px = c;
    for (let y = 0; y < height; y++) data.set(px, (y * width + x) * 3);
  }
  const image = await raw(width, height, 3, data).png().toBuffer();
  return {
    name: "gradient band between two flat colors (PNG)",
    image,
    truth: [
      { hex: "#2A9D8F", coverage: 0.475 },
      { hex: "#E76F51", coverage: 0.325 },
      { hex: "#264653", coverage: 0.2 },
    ],
  };
}

const SHAPES_SIZE = [600, 400] as const;
// Areas are exact: circle πr², rotated square s², ellipse π·rx·ry; none overlap.
const SHAPES = {
  background: "#F4F1EA",
  circle: { hex: "#0B3D91", area: Math.PI * 110 ** 2 },
  square: { hex: "#E4572E", area: 130 ** 2 },
  ellipse: { hex: "#29A36A", area: Math.PI * 120 * 50 },
};

function shapesSvg(background: string | null): string {
  const [w, h] = SHAPES_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  ${background ? `<rect width="${w}" height="${h}" fill="${background}"/>` : ""}
  <circle cx="140" cy="140" r="110" fill="${SHAPES.circle.hex}"/>
  <rect x="-65" y="-65" width="130" height="130" fill="${SHAPES.square.hex}" transform="translate(430 130) rotate(27)"/>
  <ellipse cx="380" cy="320" rx="120" ry="50" fill="${SHAPES.ellipse.hex}" transform="rotate(-8 380 320)"/>
</svg>`;
}

function shapesTruth(): TruthColor[] {
  const total = SHAPES_SIZE[0] * SHAPES_SIZE[1];
  const shapes = [SHAPES.circle, SHAPES.square, SHAPES.ellipse];
  const covered = shapes.reduce((s, x) => s + x.area, 0);
  return [{ hex: SHAPES.background, coverage: 1 - covered / total }, ...shapes.map((s) => ({ hex: s.hex, coverage: s.area / total }))];
}

/** Anti-aliased circle, rotated square and rotated ellipse (SVG rendered by librsvg), as PNG or JPEG. */
export async function antiAliasedShapes(format: "png" | "jpeg" = "png", quality = 90): Promise<SyntheticImage> {
  const rendered = sharp(Buffer.from(shapesSvg(SHAPES.background))).flatten({ background: SHAPES.background });
  const image = await (format === "png" ? rendered.png() : rendered.jpeg({ quality })).toBuffer();
  return { name: `anti-aliased shapes (${format === "png" ? "PNG" : `JPEG q${quality}`})`, image, truth: shapesTruth() };
}

/**
 * Bold text on a flat background. The ink's area is measured, not guessed: the same text is drawn
 * on transparency and its alpha summed (anti-aliased edges count by how much they cover).
 */
export async function text(format: "png" | "jpeg" = "png", quality = 90): Promise<SyntheticImage> {
  const [w, h] = [640, 360];
  const [ink, paper] = ["#1B1B3A", "#F7E9D7"];
  const lines = ["Brand colors", "from the pixels", "ABCDEFGHIJKLM", "0123456789 xyz"];
  const svg = (background: string | null) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  ${background ? `<rect width="${w}" height="${h}" fill="${background}"/>` : ""}
  <g font-family="DejaVu Sans" font-weight="bold" font-size="64" fill="${ink}">
    ${lines.map((line, i) => `<text x="16" y="${74 + i * 84}">${line}</text>`).join("\n    ")}
  </g>
</svg>`;
  const alpha = await sharp(Buffer.from(svg(null))).ensureAlpha().extractChannel(3).raw().toBuffer();
  const inkShare = alpha.reduce((s, a) => s + a, 0) / 255 / (w * h);
  const rendered = sharp(Buffer.from(svg(paper))).flatten({ background: paper });
  const image = await (format === "png" ? rendered.png() : rendered.jpeg({ quality })).toBuffer();
  return {
    name: `text (${format === "png" ? "PNG" : `JPEG q${quality}`})`,
    image,
    truth: [
      { hex: paper, coverage: 1 - inkShare },
      { hex: ink, coverage: inkShare },
    ],
  };
}

/** Flat stripes with Gaussian noise (σ in sRGB levels) on every channel. Colors sit ≥ 3σ inside 0–255, so clipping does not move their means. */
export async function gaussianNoise(sigma = 12, format: "png" | "jpeg" = "png", quality = 90): Promise<SyntheticImage> {
  const colors = [
    { hex: "#3D5A80", share: 0.5 },
    { hex: "#C0392B", share: 0.3 },
    { hex: "#98C1D9", share: 0.2 },
  ];
  const [width, height] = [480, 320];
  const data = stripes(width, height, colors);
  const normal = gaussian(seededRandom(26));
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + sigma * normal())));
  const encoder = raw(width, height, 3, data);
  const image = await (format === "png" ? encoder.png() : encoder.jpeg({ quality })).toBuffer();
  return {
    name: `Gaussian noise σ=${sigma} (${format === "png" ? "PNG" : `JPEG q${quality}`})`,
    image,
    truth: colors.map(({ hex, share }) => ({ hex, coverage: share })),
  };
}

/**
 * PNG with alpha: anti-aliased shapes on full transparency, plus a band at 50% opacity. Visible
 * area is alpha-weighted: the band counts half its pixels; the transparent background nothing.
 */
export async function pngWithAlpha(): Promise<SyntheticImage> {
  // Bottom left, clear of every shape: the circle ends at y = 250, the ellipse starts at x ≈ 261.
  const band = { hex: "#7B2CBF", x: 0, y: 260, width: 240, height: 140, alpha: 0.5 };
  const svg = shapesSvg(null).replace(
    "</svg>",
    `<rect x="${band.x}" y="${band.y}" width="${band.width}" height="${band.height}" fill="${band.hex}" fill-opacity="${band.alpha}"/></svg>`,
  );
  const image = await sharp(Buffer.from(svg)).png().toBuffer();
  const shapes = [SHAPES.circle, SHAPES.square, SHAPES.ellipse];
  const bandWeight = band.alpha * band.width * band.height;
  const visible = shapes.reduce((s, x) => s + x.area, 0) + bandWeight;
  return {
    name: "PNG with alpha (transparent background, 50% band)",
    image,
    truth: [...shapes.map((s) => ({ hex: s.hex, coverage: s.area / visible })), { hex: band.hex, coverage: bandWeight / visible }],
  };
}

/**
 * A poster-like image for the bench: flat background, a gradient band, anti-aliased shapes, a
 * headline, then mild Gaussian noise (σ 4) so the encoder and the histogram see a photo's texture.
 */
export async function poster(side: number, format: "png" | "jpeg", quality = 85): Promise<Buffer> {
  const s = side / 512;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}">
  <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#2A9D8F"/><stop offset="1" stop-color="#E76F51"/></linearGradient></defs>
  <rect width="${side}" height="${side}" fill="#F4F1EA"/>
  <rect y="${380 * s}" width="${side}" height="${132 * s}" fill="url(#g)"/>
  <circle cx="${140 * s}" cy="${150 * s}" r="${100 * s}" fill="#0B3D91"/>
  <rect x="${-55 * s}" y="${-55 * s}" width="${110 * s}" height="${110 * s}" fill="#E4572E" transform="translate(${380 * s} ${140 * s}) rotate(27)"/>
  <text x="${24 * s}" y="${340 * s}" font-family="DejaVu Sans" font-weight="bold" font-size="${56 * s}" fill="#1B1B3A">Brand colors</text>
</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const normal = gaussian(seededRandom(side));
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + 4 * normal())));
  const encoder = raw(info.width, info.height, 3, data);
  return (format === "png" ? encoder.png() : encoder.jpeg({ quality })).toBuffer();
}
