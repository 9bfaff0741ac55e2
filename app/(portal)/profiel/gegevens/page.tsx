import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/form/fields";
import { Avatar } from "@/components/people/avatar";
import { getOwnProfileSettings } from "@/lib/profiles/queries";
import { requirePermission } from "@/lib/session";
import { ProfileForm } from "./profile-form";
import { RemovePhotoForm } from "./remove-photo-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people.settings"))("title") };
}

/** An error key the photo route sent back, if it is one the catalog knows (the query string is the visitor's to change). */
function photoErrorOf(value: string | string[] | undefined, known: (key: string) => boolean): string | null {
  return typeof value === "string" && /^[a-zA-Z.]{1,60}$/.test(value) && known(value) ? value : null;
}

/** The person edits their own name, photo, bio and language. */
export default async function ProfileSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("profile:edit-own", "/profiel/gegevens");
  const [t, tErrors, profile, query] = await Promise.all([
    getTranslations("people.settings"),
    getTranslations("errors"),
    getOwnProfileSettings(user),
    searchParams,
  ]);
  const photoError = photoErrorOf(query.fotofout, (key) => tErrors.has(key));
  const photoDone = query.foto === "opgeslagen" ? "photo.saved" : query.foto === "verwijderd" ? "photo.removed" : null;
  return (
    <div className="max-w-3xl space-y-10">
      <h1>{t("title")}</h1>
      <p>
        {t("intro")} <Link href={`/mensen/${profile.id}`}>{t("viewProfile")}</Link>
      </p>

      <section aria-labelledby="foto" className="space-y-4">
        <h2 id="foto" className="scroll-mt-6">
          {t("photo.title")}
        </h2>
        <p>{t("photo.intro")}</p>
        <div className="flex items-center gap-4">
          <Avatar name={profile.name} avatarId={profile.avatarId} size="lg" />
          <p className="text-sm text-slate-700">{t("photo.current")}</p>
        </div>
        {photoError ? (
          <p role="alert" id="foto-fout" className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {tErrors(photoError)}
          </p>
        ) : null}
        {photoDone ? (
          <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
            {t(photoDone)}
          </p>
        ) : null}
        <form action="/api/profielfoto" method="post" encType="multipart/form-data" className="space-y-3">
          <div className="space-y-1">
            <label htmlFor="photo" className="block font-semibold text-slate-900">
              {t("photo.file")}
            </label>
            <p id="photo-hint" className="text-sm text-slate-700">
              {t("photo.hint")}
            </p>
            <input
              id="photo"
              name="photo"
              type="file"
              required
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={photoError ? "photo-hint foto-fout" : "photo-hint"}
              aria-invalid={photoError ? true : undefined}
              className="block w-full max-w-full text-base"
            />
          </div>
          <button type="submit" className={buttonClass}>
            {t("photo.upload")}
          </button>
        </form>
        {profile.avatarId ? <RemovePhotoForm userId={profile.id} /> : null}
      </section>

      <section aria-labelledby="gegevens-kop" className="space-y-4">
        <h2 id="gegevens-kop">{(await getTranslations("profile"))("account")}</h2>
        <ProfileForm profile={profile} />
      </section>
    </div>
  );
}
