import "server-only";
import sharp from "sharp";

/** Largest file accepted, before processing (5 MB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Largest image accepted, in pixels (40 megapixels); stops "decompression bombs". */
export const MAX_INPUT_PIXELS = 40_000_000;
/** The longest side of a stored image; bigger images are scaled down. */
export const MAX_DIMENSION = 2400;

export const imageTypes = {
  png: { contentType: "image/png", extension: "png" },
  jpeg: { contentType: "image/jpeg", extension: "jpg" },
  webp: { contentType: "image/webp", extension: "webp" },
} as const;

export type ImageFormat = keyof typeof imageTypes;
export type ImageContentType = (typeof imageTypes)[ImageFormat]["contentType"];

export type ProcessedImage = {
  data: Buffer;
  format: ImageFormat;
  contentType: ImageContentType;
  extension: string;
  width: number;
  height: number;
  byteSize: number;
};

/** Error keys (under `errors.` in the catalogs). */
export type ProcessImageError =
  "upload.empty" | "upload.tooLarge" | "upload.tooManyPixels" | "upload.notAnImage" | "upload.unsupportedType";

export type ProcessImageResult = { ok: true; data: ProcessedImage } | { ok: false; error: ProcessImageError };

function isImageFormat(format: string | undefined): format is ImageFormat {
  return format !== undefined && Object.hasOwn(imageTypes, format);
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

/**
 * Checks and cleans an uploaded image. The format comes from the bytes (libvips
 * sniffs the file's signature); the file name plays no part. Only PNG, JPEG and
 * WebP pass; SVG (can hold scripts), GIF, TIFF, HEIF/AVIF and anything that is
 * not an image are refused.
 *
 * The image is turned upright by its EXIF orientation, scaled down to at most
 * MAX_DIMENSION on the longest side, and re-encoded in its own format. sharp
 * writes no metadata unless asked (`withMetadata`/`keepMetadata`), so EXIF
 * (camera, GPS position), XMP, IPTC and comments are gone from the result;
 * colours are converted to sRGB. Animated WebP keeps its first frame.
 */
export async function processImage(bytes: Buffer): Promise<ProcessImageResult> {
  if (bytes.length === 0) return { ok: false, error: "upload.empty" };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, error: "upload.tooLarge" };

  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", sequentialRead: true } as const;
  let format: string | undefined;
  let pixels: number;
  try {
    const metadata = await sharp(bytes, options).metadata();
    format = metadata.format;
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  } catch (error) {
    return { ok: false, error: isPixelLimitError(error) ? "upload.tooManyPixels" : "upload.notAnImage" };
  }
  if (!isImageFormat(format)) return { ok: false, error: "upload.unsupportedType" };
  if (pixels <= 0) return { ok: false, error: "upload.notAnImage" };
  if (pixels > MAX_INPUT_PIXELS) return { ok: false, error: "upload.tooManyPixels" };

  let pipeline = sharp(bytes, options)
    .autoOrient()
    .resize({ width: MAX_DIMENSION, height: MAX_DIMENSION, fit: "inside", withoutEnlargement: true });
  if (format === "png") pipeline = pipeline.png({ compressionLevel: 9 });
  else if (format === "jpeg") pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
  else pipeline = pipeline.webp({ quality: 85 });

  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const { contentType, extension } = imageTypes[format];
    return { ok: true, data: { data, format, contentType, extension, width: info.width, height: info.height, byteSize: data.length } };
  } catch (error) {
    // A damaged or truncated file passes the header check but fails to decode.
    return { ok: false, error: isPixelLimitError(error) ? "upload.tooManyPixels" : "upload.notAnImage" };
  }
}
