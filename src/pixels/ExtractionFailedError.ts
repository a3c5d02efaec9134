// An extraction that ended without an answer about the image: its process died (killed, out of
// memory, a crash in a decoder), it ran past its time limit, or the gateway is shutting down. Not
// the caller's fault as far as the gateway can tell, so the upload route answers 503 and the caller
// may send the same image again; nothing was written.

export const EXTRACTION_FAILED = "EXTRACTION_FAILED";

export class ExtractionFailedError extends Error {
  override readonly name = "ExtractionFailedError";
  readonly code = EXTRACTION_FAILED;
  /** The input being read when it failed. */
  readonly field = "image";
}
