/**
 * `COPY … TO STDOUT` and `COPY … FROM STDIN` over a `pg` client. pg has no
 * COPY API of its own but hands protocol messages to a "submittable" query
 * object; these two are that object, so no extra package is needed.
 */
import type pg from "pg";

/** The parts of pg's Connection a COPY needs (missing from @types/pg). */
type CopyConnection = pg.Connection & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

type Settle = { resolve: () => void; reject: (error: Error) => void };

/** What pg calls on the active query; the COPY classes override the messages they expect. */
abstract class CopyQuery implements pg.Submittable {
  rowCount = 0;
  private settled = false;

  constructor(
    private readonly text: string,
    private readonly settle: Settle,
  ) {}

  submit(connection: pg.Connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection) {
    connection.sendCopyFail("onverwachte COPY FROM");
  }

  handleCopyData(_message: { chunk: Buffer }) {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}

  handleCommandComplete(message: { text: string }) {
    this.rowCount = Number.parseInt(message.text.split(" ").at(-1) ?? "0", 10);
  }

  handleReadyForQuery() {
    if (this.settled) return;
    this.settled = true;
    this.settle.resolve();
  }

  handleError(error: Error) {
    if (this.settled) return;
    this.settled = true;
    this.settle.reject(error);
  }
}

/** Collects the rows into one growing buffer: a message per row would mean a Buffer object per row. */
class CopyOut extends CopyQuery {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  override handleCopyData(message: { chunk: Buffer }) {
    const needed = this.length + message.chunk.length;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    // pg reuses its read buffer, so the bytes are copied now.
    message.chunk.copy(this.buffer, this.length);
    this.length = needed;
  }

  data(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

class CopyIn extends CopyQuery {
  constructor(
    text: string,
    settle: Settle,
    private readonly data: Buffer,
  ) {
    super(text, settle);
  }

  override handleCopyInResponse(connection: CopyConnection) {
    for (let offset = 0; offset < this.data.length; offset += 64 * 1024) {
      connection.sendCopyFromChunk(this.data.subarray(offset, offset + 64 * 1024));
    }
    connection.endCopyFrom();
  }
}

/** Runs `COPY … TO STDOUT`; the output in COPY's text format and the number of rows. */
export async function copyOut(client: pg.Client, sql: string): Promise<{ data: Buffer; rows: number }> {
  let query: CopyOut | undefined;
  await new Promise<void>((resolve, reject) => {
    query = client.query(new CopyOut(sql, { resolve, reject }));
  });
  return { data: query!.data(), rows: query!.rowCount };
}

/** Runs `COPY … FROM STDIN` with `data`; the number of rows loaded. */
export async function copyIn(client: pg.Client, sql: string, data: Buffer): Promise<number> {
  let query: CopyIn | undefined;
  await new Promise<void>((resolve, reject) => {
    query = client.query(new CopyIn(sql, { resolve, reject }, data));
  });
  return query!.rowCount;
}
