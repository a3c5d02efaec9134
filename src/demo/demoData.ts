import type { IndustryCode } from "../domain/industries.ts";
import type { Plan } from "../domain/plans.ts";

// The playground's demo data set: four organizations in different trades whose palettes overlap
// across organizations (so similarBrands has answers) and assets that reuse their brand's colors
// with approve/reject feedback (so color pairings do). Plain data; seedDemo writes it.
export const DEMO_COLORS = {
  navy: { hex: "#0B1F3A", name: "Navy" },
  ocean: { hex: "#0057B8", name: "Ocean Blue" },
  sky: { hex: "#5BC0EB", name: "Sky" },
  white: { hex: "#FFFFFF", name: "White" },
  sun: { hex: "#FFC20E", name: "Sun Yellow" },
  orange: { hex: "#F26B21", name: "Signal Orange" },
  forest: { hex: "#1E5631", name: "Forest" },
  leaf: { hex: "#7AC142", name: "Leaf" },
  charcoal: { hex: "#333333", name: "Charcoal" },
  cream: { hex: "#F5F0E1", name: "Cream" },
  red: { hex: "#D7263D", name: "Cardinal" },
  teal: { hex: "#00A6A6", name: "Teal" },
} as const;

export type DemoColor = keyof typeof DEMO_COLORS;

export interface DemoBrand {
  readonly name: string;
  readonly learningActive: boolean;
  /** A NAICS sector code (domain/industries.ts): three organizations sell retail, so its patterns pass k = 3. */
  readonly industry: IndustryCode;
  /** Heaviest first; weights are spread by position. */
  readonly palette: readonly DemoColor[];
}

/** The first organization (the development token's) is on the enterprise plan, so the playground can discover. */
export const DEMO_ORGANIZATIONS: readonly { name: string; plan: Plan; brands: readonly DemoBrand[] }[] = [
  {
    name: "Northwind Outfitters",
    plan: "enterprise",
    brands: [
      { name: "Northwind Trail", industry: "44-45", learningActive: true, palette: ["navy", "ocean", "white", "sun", "orange"] },
      { name: "Northwind Kids", industry: "44-45", learningActive: false, palette: ["ocean", "sky", "sun", "white"] },
      { name: "Northwind Pro", industry: "44-45", learningActive: true, palette: ["charcoal", "navy", "orange", "white"] },
    ],
  },
  {
    name: "Helios Energy",
    plan: "team",
    brands: [
      { name: "Helios Solar", industry: "22", learningActive: true, palette: ["sun", "orange", "navy", "white"] },
      { name: "Helios Grid", industry: "22", learningActive: false, palette: ["navy", "ocean", "sky", "white", "charcoal"] },
    ],
  },
  {
    name: "Brightside Health",
    plan: "free",
    brands: [
      { name: "Brightside Clinics", industry: "62", learningActive: true, palette: ["teal", "white", "ocean", "sky"] },
      { name: "Brightside Pharmacy", industry: "44-45", learningActive: false, palette: ["red", "white", "charcoal", "teal"] },
      { name: "Brightside Wellness", industry: "62", learningActive: false, palette: ["leaf", "teal", "cream", "white", "sky"] },
    ],
  },
  {
    name: "Copperleaf Foods",
    plan: "enterprise",
    brands: [
      { name: "Copperleaf Market", industry: "44-45", learningActive: true, palette: ["forest", "leaf", "cream", "orange", "white"] },
      { name: "Copperleaf Bakery", industry: "72", learningActive: false, palette: ["cream", "orange", "charcoal", "red"] },
    ],
  },
];

export const DEMO_USAGES = ["primary", "secondary", "background", "accent", "accent"] as const;
export const DEMO_WEIGHTS = [0.4, 0.25, 0.15, 0.12, 0.08] as const;
export const DEMO_COVERAGES = [0.45, 0.25, 0.15, 0.1, 0.05] as const;
export const DEMO_COMPLIANCE = [0.92, 0.81, 0.58, 0.74, 0.66, 0.88, 0.95] as const;
export const DEMO_PROMPTS = [
  "Hero banner for the spring campaign",
  "Social post announcing a new store",
  "Email header for the loyalty programme",
] as const;
