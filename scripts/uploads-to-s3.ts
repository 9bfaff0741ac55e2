/**
 * `npm run uploads:to-s3`: copies every image under DATA_DIR/uploads (or
 * `--from DIR`) to the bucket of the S3_* variables and reads each copy back
 * to check its size and SHA-256. Safe to repeat: what is already there and
 * equal is skipped. `--delete-local` removes each local file once its copy is
 * found equal. Exits 1 on any difference or error. Needs no database: keys
 * stay the same, so the Upload rows stay valid.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeSummary, isMoveComplete, moveUploadsToS3 } from "../lib/uploads/move-to-s3";
import { S3UploadStorage } from "../lib/uploads/s3-storage";
import { defaultUploadDir, LocalDiskStorage } from "../lib/uploads/storage";
import { readS3Config } from "../lib/uploads/storage-config";

const say = (line: string) => console.log(`[uploads:to-s3] ${line}`);

function fatal(message: string): never {
  console.error(`[uploads:to-s3] ${message}`);
  process.exit(1);
}

const USAGE = `npm run uploads:to-s3 [-- --from DIR] [-- --delete-local]
  Kopieert alle afbeeldingen uit DATA_DIR/uploads (of DIR) naar de bucket van S3_BUCKET
  (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX)
  en controleert elke kopie. --delete-local verwijdert een lokaal bestand pas als zijn kopie gelijk is.`;

let options: { from?: string; "delete-local"?: boolean; help?: boolean };
try {
  options = parseArgs({
    options: { from: { type: "string" }, "delete-local": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  }).values;
} catch (error) {
  fatal(`${(error as Error).message}\n${USAGE}`);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let config;
try {
  config = readS3Config(process.env);
} catch (error) {
  fatal((error as Error).message);
}

const root = path.resolve(options.from ?? defaultUploadDir());
const isFolder = await stat(root).then(
  (info) => info.isDirectory(),
  () => false,
);
if (!isFolder) fatal(`De map ${root} bestaat niet. Geef de map met afbeeldingen met --from, of zet DATA_DIR.`);

const target = new S3UploadStorage(config);
let exitCode = 0;
try {
  await target.check();
  say(
    `Van ${root} naar ${target.label}${config.prefix ? `, voorvoegsel ${config.prefix}` : ""}${options["delete-local"] ? "; lokale bestanden worden na controle verwijderd" : ""}.`,
  );
  const started = performance.now();
  const summary = await moveUploadsToS3({
    source: new LocalDiskStorage(root),
    target,
    deleteLocal: options["delete-local"] === true,
    log: say,
  });
  say(`Klaar in ${Math.round(performance.now() - started)} ms: ${describeSummary(summary)}.`);
  if (!isMoveComplete(summary)) {
    say("Niet alles staat goed in S3: zie de regels hierboven. Start de opdracht opnieuw als het probleem is verholpen.");
    exitCode = 1;
  }
} catch (error) {
  console.error(`[uploads:to-s3] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  target.close();
}
process.exit(exitCode);
