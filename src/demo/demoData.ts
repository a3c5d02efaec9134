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
  /** Heaviest first; weights are spread by position. */
  readonly palette: readonly DemoColor[];
}

export const DEMO_ORGANIZATIONS: readonly { name: string; brands: readonly DemoBrand[] }[] = [
  {
    name: "Northwind Outfitters",
    brands: [
      { name: "Northwind Trail", learningActive: true, palette: ["navy", "ocean", "white", "sun", "orange"] },
      { name: "Northwind Kids", learningActive: false, palette: ["ocean", "sky", "sun", "white"] },
      { name: "Northwind Pro", learningActive: true, palette: ["charcoal", "navy", "orange", "white"] },
    ],
  },
  {
    name: "Helios Energy",
    brands: [
      { name: "Helios Solar", learningActive: true, palette: ["sun", "orange", "navy", "white"] },
      { name: "Helios Grid", learningActive: false, palette: ["navy", "ocean", "sky", "white", "charcoal"] },
    ],
  },
  {
    name: "Brightside Health",
    brands: [
      { name: "Brightside Clinics", learningActive: true, palette: ["teal", "white", "ocean", "sky"] },
      { name: "Brightside Pharmacy", learningActive: false, palette: ["red", "white", "charcoal", "teal"] },
      { name: "Brightside Wellness", learningActive: false, palette: ["leaf", "teal", "cream", "white", "sky"] },
    ],
  },
  {
    name: "Copperleaf Foods",
    brands: [
      { name: "Copperleaf Market", learningActive: true, palette: ["forest", "leaf", "cream", "orange", "white"] },
      { name: "Copperleaf Bakery", learningActive: false, palette: ["cream", "orange", "charcoal", "red"] },
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
