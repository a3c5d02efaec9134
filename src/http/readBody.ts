import type { IncomingMessage } from "node:http";

export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";

  constructor(readonly limitBytes: number) {
    super(`the request body exceeds ${limitBytes} bytes`);
  }
}

/** Reads the request body, refusing more than `limitBytes` instead of buffering it. */
export async function readBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limitBytes) throw new BodyTooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyTooLarge(limitBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBytes(req, limitBytes)).toString("utf8");
}
