import { IncomingMessage } from "node:http";

/**
 * The request class of the project's server (http.createServer's documented
 * `IncomingMessage` option). Every body byte the HTTP parser hands on passes
 * through `push`, so a streamed (chunked) body is counted as it arrives and
 * nothing past the limit ever reaches Next.js or its buffers.
 */
export class LimitedIncomingMessage extends IncomingMessage {
  /** Body bytes received so far, including a refused last chunk. */
  bodyBytes = 0;
  private limit = Number.POSITIVE_INFINITY;
  private onExceeded: (() => void) | null = null;
  private exceeded = false;

  /** From now on, more than `limit` body bytes call `onExceeded` once and stop the body there. */
  limitBody(limit: number, onExceeded: () => void): void {
    this.limit = limit;
    this.onExceeded = onExceeded;
    if (this.bodyBytes > limit) this.exceed();
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null || chunk === undefined) return this.exceeded ? false : super.push(chunk, encoding);
    if (this.exceeded) return false;
    this.bodyBytes += (chunk as { length: number }).length;
    if (this.bodyBytes > this.limit) {
      this.exceed();
      // False also tells the parser to stop reading the socket.
      return false;
    }
    return super.push(chunk, encoding);
  }

  private exceed() {
    if (this.exceeded) return;
    this.exceeded = true;
    this.onExceeded?.();
  }
}
