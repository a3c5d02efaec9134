// The one boundary every request passes. Whatever handling a request throws (a request target that
// is no URL, a body cut off mid-read, a bug) becomes one JSON answer with a code, is logged once,
// and never escapes as an uncaught exception or an unhandled rejection: no request can stop the
// gateway. A GatewayError keeps its code and status (the caller's mistake, logged at info); anything
// else is 500 INTERNAL_SERVER_ERROR with a generic message, logged at error with the request id.
// Requests Node's parser refuses before any handler runs (clientError) answer in the same shape.
import { STATUS_CODES, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { badInput, ErrorCode, GatewayError } from "../errors/codes.ts";
import { httpStatusOf } from "../errors/httpStatus.ts";
import { sendError } from "./sendError.ts";

export interface RequestLine {
  readonly url: URL;
  readonly requestId: string;
}

export type RouteRequest = (req: IncomingMessage, res: ServerResponse, request: RequestLine) => Promise<void>;

export function requestBoundary(route: RouteRequest, logger: Logger, requestIdOf: (req: IncomingMessage) => string): RequestListener {
  return (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    let pathname: string | null = null;
    const handle = async () => {
      const url = requestTarget(req.url);
      pathname = url.pathname;
      await route(req, res, { url, requestId });
    };
    handle()
      .catch((error: unknown) => answerFailure(res, error, { logger, requestId, method: req.method, pathname }))
      .catch((error: unknown) => {
        // Answering failed too (the socket is gone): nothing is left to tell the caller.
        logger.error({ err: error, requestId }, "could not answer a failed request");
        res.destroy();
      });
  };
}

/** The request target as a URL; `GET http://[::1/x` is the caller's mistake, not a crash. */
export function requestTarget(raw: string | undefined): URL {
  try {
    return new URL(raw ?? "/", "http://gateway.local");
  } catch {
    throw badInput("url", "the request target is not a valid URL");
  }
}

function answerFailure(
  res: ServerResponse,
  error: unknown,
  request: { logger: Logger; requestId: string; method: string | undefined; pathname: string | null },
): void {
  const { logger, requestId, method, pathname } = request;
  const status = error instanceof GatewayError ? httpStatusOf(error.code) : undefined;
  if (error instanceof GatewayError && status) {
    logger.info({ event: "request_rejected", requestId, method, path: pathname, code: error.code, status }, error.message);
  } else {
    logger.error({ err: error, requestId, method, path: pathname }, "request failed");
  }
  // Once a status is on the wire it cannot change; a cut connection is honester than a short body.
  if (res.headersSent) return void res.destroy();
  const answer =
    error instanceof GatewayError && status
      ? { status, code: error.code, message: error.message, field: error.extensions.field as string | undefined }
      : { status: 500, code: ErrorCode.Internal, message: "Internal server error" };
  sendError(res, pathname, answer);
}

/** Node's parser refused the bytes (bad request line, oversized headers, a timeout): answer JSON, then close. */
export function answerClientError(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    logger.info({ event: "http_client_error", code: error.code }, "malformed HTTP request");
    // Like Node's own handler: a status only if nothing of a response went out on this socket yet.
    const untouched = socket.writable && (socket as Socket).bytesWritten === 0;
    if (error.code === "ECONNRESET" || !untouched) return void socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const body = JSON.stringify({ error: ErrorCode.BadUserInput, message: `Malformed HTTP request (${STATUS_CODES[status]})` });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  };
}
