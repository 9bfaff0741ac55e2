import type { Prisma } from "@/lib/generated/prisma/client";

/** What an update or comment shows of its author: name, municipality and profile photo (the photo points at its person). */
export const authorSelect = {
  name: true,
  avatar: { select: { id: true } },
  municipality: { select: { name: true } },
} as const satisfies Prisma.UserSelect;

/** The id of a person's profile photo, or null (then the avatar shows initials). */
export function avatarIdOf(person: { avatar: { id: string } | null }): string | null {
  return person.avatar?.id ?? null;
}
