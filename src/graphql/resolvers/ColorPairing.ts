import type { ColorPairingResolvers } from "../../generated/graphql.ts";

export const ColorPairing: ColorPairingResolvers = {
  color: (pairing) => ({ hex: pairing.pairedHex, name: pairing.pairedName }),
};
