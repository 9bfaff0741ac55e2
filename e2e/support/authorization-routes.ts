import type { RouteRequest } from "./authorization-client";
import { ANYONE, returns, rolesWith, route, status, type RouteEntry } from "./authorization-expect";

/** Every route handler (app/**\/route.ts and the app icon), with who may call it and what the others hear. */

/** A 1×1 PNG, small enough for any limit; the upload route re-encodes it. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
export const imageUpload = (): RouteRequest => ({
  method: "POST",
  path: "/api/uploads",
  multipart: { file: { name: "punt.png", mimeType: "image/png", buffer: PNG } },
});

/** The same PNG as the signed-in person's own profile photo (the route takes no one else's). */
const avatarUpload = (): RouteRequest => ({
  method: "POST",
  path: "/api/profielfoto",
  multipart: { photo: { name: "gezicht.png", mimeType: "image/png", buffer: PNG } },
});

const signedIn = rolesWith("portal:read");
const get = (path: string): RouteRequest => ({ method: "GET", path });

export const routeRegistry: RouteEntry[] = [
  route(
    "/api/auth/[...nextauth]/route",
    {
      label: "GET the session",
      allowed: ANYONE,
      request: () => get("/api/auth/session"),
      granted: status(200, { contentType: "application/json" }),
    },
    {
      label: "POST a sign-in without the form's CSRF token",
      allowed: ANYONE,
      request: ({ world }) => ({
        method: "POST",
        path: "/api/auth/callback/credentials",
        form: { email: world.people.ADMIN.email, password: world.password, json: "true" },
      }),
      granted: returns("next-auth asking for its CSRF token", (value) =>
        String((value as { url?: unknown } | null)?.url).includes("csrf=true"),
      ),
    },
  ),
  route("/api/health/route", { allowed: ANYONE, request: () => get("/api/health?db=1"), granted: status(200) }),
  route("/api/ready/route", {
    allowed: ANYONE,
    request: () => get("/api/ready"),
    granted: status(200, { contentType: "application/json" }),
  }),
  route("/api/uploads/route", {
    allowed: rolesWith("update:publish"),
    request: imageUpload,
    granted: status(201),
    refused: status(403),
    anonymous: status(401),
  }),
  route("/api/profielfoto/route", {
    allowed: rolesWith("profile:edit-own"),
    request: avatarUpload,
    granted: status(303),
    anonymous: status(401),
  }),
  route("/api/members/route", {
    allowed: rolesWith("member:search"),
    request: () => get("/api/members?q=Authz"),
    granted: status(200, { contentType: "application/json" }),
    anonymous: status(401),
  }),
  // One-click unsubscribe: the signed token in the link is the permission; a forged one changes nothing.
  route(
    "/api/afmelden/[token]/route",
    {
      label: "GET",
      allowed: ANYONE,
      request: () => get("/api/afmelden/vervalst"),
      granted: status(303, { location: () => "/afmelden/vervalst" }),
    },
    {
      label: "POST a forged token",
      allowed: ANYONE,
      request: () => ({ method: "POST", path: "/api/afmelden/vervalst", form: { "List-Unsubscribe": "One-Click" } }),
      granted: status(400),
    },
  ),
  route("/(portal)/updates/export.csv/route", {
    allowed: signedIn,
    request: () => get("/updates/export.csv"),
    granted: status(200, { contentType: "text/csv" }),
    anonymous: status(401),
  }),
  route(
    "/(portal)/meldingen/[id]/route",
    {
      label: "one's own notification",
      allowed: signedIn,
      request: ({ rows }) => get(`/meldingen/${rows.notifications.route}`),
      granted: status(303, { location: ({ world }) => `/updates/${world.update}` }),
      anonymous: status(303, { location: () => "/inloggen" }),
    },
    {
      label: "someone else's notification",
      allowed: signedIn,
      request: ({ world }) => get(`/meldingen/${world.each.ANONYMOUS.notifications.route}`),
      granted: status(303, { location: () => "/meldingen" }),
      anonymous: status(303, { location: () => "/inloggen" }),
    },
  ),
  route("/(portal)/profiel/gegevens/download/route", {
    allowed: signedIn,
    request: () => get("/profiel/gegevens/download"),
    granted: status(200, { contentType: "application/zip" }),
    anonymous: status(401),
  }),
  route("/(beheer)/beheer/gebruikers/[id]/gegevens/download/route", {
    allowed: rolesWith("privacy:handle-requests"),
    request: ({ world }) => get(`/beheer/gebruikers/${world.bystander.id}/gegevens/download`),
    granted: status(200, { contentType: "application/zip" }),
    refused: status(403),
    anonymous: status(401),
  }),
  route("/(beheer)/beheer/rapportage/download/route", {
    allowed: rolesWith("programme-report:read"),
    request: () => get("/beheer/rapportage/download?from=2020-01-01&to=2030-12-31"),
    granted: status(200, { contentType: "application/zip" }),
    refused: status(403),
    anonymous: status(401),
  }),
  route("/beelden/[id]/route", {
    allowed: signedIn,
    request: ({ world }) => get(`/beelden/${world.late.uploadId}`),
    granted: status(200, { contentType: "image/" }),
    anonymous: status(401),
  }),
  // Feed readers have no session: the token in the address is the permission.
  route(
    "/feed/[token]/route",
    {
      label: "the person's token",
      allowed: ANYONE,
      request: ({ world }) => get(`/feed/${world.feedToken}`),
      granted: status(200, { contentType: "application/atom+xml" }),
    },
    { label: "a forged token", allowed: ANYONE, request: () => get("/feed/vervalst"), granted: status(404) },
  ),
  route("/icon.svg/route", { allowed: ANYONE, request: () => get("/icon.svg"), granted: status(200, { contentType: "image/svg+xml" }) }),
];
