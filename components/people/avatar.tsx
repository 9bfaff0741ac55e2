import { colourForName, initialsOf } from "@/lib/people/avatar-colour";

const sizes = {
  sm: "h-8 w-8 text-xs",
  md: "h-10 w-10 text-sm",
  lg: "h-24 w-24 text-3xl",
} as const;

/**
 * A person's face: their uploaded photo, or their initials on a colour from
 * their name. Always decorative (the name stands beside it), so screen
 * readers skip it. No hooks: usable in server and client components.
 */
export function Avatar({
  name,
  avatarId,
  size = "sm",
  className = "",
}: {
  name: string;
  avatarId: string | null | undefined;
  size?: keyof typeof sizes;
  className?: string;
}) {
  const shape = `inline-flex shrink-0 items-center justify-center rounded-full align-middle ${sizes[size]} ${className}`;
  if (avatarId) {
    return (
      <img src={`/beelden/${avatarId}`} alt="" aria-hidden="true" data-avatar="photo" loading="lazy" className={`${shape} object-cover`} />
    );
  }
  return (
    <span
      aria-hidden="true"
      data-avatar="initials"
      className={`${shape} font-semibold text-white`}
      style={{ backgroundColor: colourForName(name) }}
    >
      {initialsOf(name)}
    </span>
  );
}
