import "server-only";
import sharp from "sharp";
import { processImage, type ProcessImageResult } from "@/lib/uploads/process";

/** Width and height of a stored avatar: sharp at the largest size shown (96 px) on a 2x screen. */
export const AVATAR_SIZE = 256;

/**
 * An uploaded photo made into an avatar: first the image pipeline's checks
 * and clean-up (type from the bytes, size limits, metadata stripped), then a
 * square crop around the most eye-catching part (usually the face).
 */
export async function processAvatarImage(bytes: Buffer): Promise<ProcessImageResult> {
  const processed = await processImage(bytes);
  if (!processed.ok) return processed;
  const image = processed.data;
  let pipeline = sharp(image.data).resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: sharp.strategy.attention });
  if (image.format === "png") pipeline = pipeline.png({ compressionLevel: 9 });
  else if (image.format === "jpeg") pipeline = pipeline.jpeg({ quality: 85, mozjpeg: true });
  else pipeline = pipeline.webp({ quality: 85 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { ok: true, data: { ...image, data, width: info.width, height: info.height, byteSize: data.length } };
}
