import { expect, nl, submitSignIn, test, waitForHydration } from "./fixtures";
import { callAction, forgedAddress, freshLoopback, signInOverHttp } from "./support/attack-http";
import { postComment } from "./support/attack-ui";
import { seedAttackWorld } from "./support/attack-world";
import { query } from "./support/database";

// The attack suite, part 6: rate limits. Each limit is reached over plain
// HTTP from a loopback address of its own (127.x.y.z: the server sees a
// separate client, and the addresses the browsers use keep their budget for
// the other specs), with a forged X-Forwarded-For on every request, which the
// project's server ignores without TRUSTED_PROXIES. Where a person would
// meet the limit, the real form shows it.

test.use({ actionTimeout: 20_000 });

const COMMENT_ACTION = { file: "lib/comments/actions.ts", action: "postCommentAction" };
const forged = () => ({ "x-forwarded-for": forgedAddress(), "x-real-ip": forgedAddress(), forwarded: `for=${forgedAddress()}` });

test("rate limits: sign-in per account and address, password reset per address, invitation links per address, comments per person; a forged X-Forwarded-For changes nothing", async ({
  baseURL,
  page,
  newContext,
}) => {
  test.setTimeout(120_000);
  const world = await seedAttackWorld({ members: 4 });
  const [target, bystander, commenter, uiTarget] = world.members as [
    (typeof world.members)[number],
    (typeof world.members)[number],
    (typeof world.members)[number],
    (typeof world.members)[number],
  ];

  // --- Sign-in: five wrong passwords lock this account from this address only -----------------
  const attacker = freshLoopback();
  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(
      (await signInOverHttp(baseURL!, { email: target.email, password: `Fout-${attempt}-wachtwoord`, from: attacker, headers: forged() }))
        .error,
    ).toBe("CredentialsSignin");
  }
  const locked = await signInOverHttp(baseURL!, { email: target.email, password: world.password, from: attacker, headers: forged() });
  expect(locked.error).toBe("RateLimited");
  expect(locked.cookie).toBeNull();
  expect(nl("errors.signIn.RateLimited")).toMatch(/te veel/i);
  // The owner, from another address, still gets in; another account from the attacker's address too.
  expect((await signInOverHttp(baseURL!, { email: target.email, password: world.password, from: freshLoopback() })).cookie).not.toBeNull();
  expect((await signInOverHttp(baseURL!, { email: bystander.email, password: world.password, from: attacker })).cookie).not.toBeNull();

  // The same through the sign-in form: the Dutch message, and no session.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, uiTarget.email, `Fout-${attempt}-wachtwoord`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("errors.signIn.CredentialsSignin"));
  }
  await submitSignIn(page, uiTarget.email, world.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(nl("errors.signIn.RateLimited"));
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // --- Password reset: ten requests per address an hour, whatever the address claims to be -----
  const resetter = freshLoopback();
  const reset = (email: string, from: string) =>
    callAction(baseURL!, {
      file: "lib/accounts/actions.ts",
      action: "requestPasswordResetAction",
      pagePath: "/wachtwoord-vergeten",
      fields: { email },
      from,
      headers: forged(),
    });
  for (let request = 1; request <= 10; request++)
    expect((await reset(`e2e-reset-${request}-${world.tag}@example.nl`, resetter)).result, `reset ${request}`).toEqual({
      ok: true,
      data: null,
    });
  expect((await reset(target.email, resetter)).result).toEqual({ ok: false, error: "passwordReset.tooMany" });
  expect(nl("errors.passwordReset.tooMany")).toMatch(/te veel/i);
  expect((await reset(target.email, freshLoopback())).result).toEqual({ ok: true, data: null });

  // --- Invitation links: ten wrong ones from an address, then even the right one is refused there ---
  const token = `e2e-attack-${world.tag}-${crypto.randomUUID()}`;
  const invitedEmail = `e2e-attack-invited-${world.tag}@example.nl`;
  await query(
    `INSERT INTO "Invitation" (id, email, role, "tokenHash", "invitedById", "expiresAt") VALUES ($1, $2, 'MEMBER', encode(sha256(convert_to($3, 'UTF8')), 'hex'), $4, now() + interval '1 day')`,
    [`e2ei${world.tag}`, invitedEmail, token, world.coordinator.id],
  );
  const accept = (link: string, from: string) =>
    callAction(baseURL!, {
      file: "lib/accounts/actions.ts",
      action: "acceptInvitationAction",
      pagePath: `/uitnodiging/${encodeURIComponent(token)}`,
      fields: { token: link, name: "Gekozen Naam", password: world.password, passwordConfirm: world.password },
      from,
      headers: forged(),
    });
  const guesser = freshLoopback();
  for (let guess = 1; guess <= 10; guess++)
    expect((await accept(`geraden-${guess}-${crypto.randomUUID()}`, guesser)).result).toEqual({ ok: false, error: "invitation.unknown" });
  expect((await accept(token, guesser)).result).toEqual({ ok: false, error: "invitation.tooMany" });
  expect(nl("errors.invitation.tooMany")).toMatch(/te veel/i);
  expect(await query(`SELECT id FROM "User" WHERE email = $1`, [invitedEmail])).toHaveLength(0);
  const accepted = await accept(token, freshLoopback());
  expect(accepted.response.status).toBeLessThan(400);
  expect(await query(`SELECT id FROM "User" WHERE email = $1`, [invitedEmail])).toHaveLength(1);

  // --- Comments: thirty in ten minutes per person; the form says so in Dutch and keeps the text ---
  const { cookie } = await signInOverHttp(baseURL!, { email: commenter.email, password: world.password, from: freshLoopback() });
  for (let index = 1; index <= 30; index++) {
    const { result } = await callAction(baseURL!, {
      ...COMMENT_ACTION,
      pagePath: `/updates/${world.updateId}`,
      cookie: cookie!,
      headers: forged(),
      fields: { updateId: world.updateId, clientKey: crypto.randomUUID(), body: `Reactie ${index} in een korte tijd` },
    });
    expect(result, `comment ${index}`).toMatchObject({ ok: true });
  }
  const commenterPage = await (await newContext()).newPage();
  await commenterPage
    .context()
    .addCookies(
      cookie!.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1), url: baseURL! })),
    );
  await commenterPage.goto(`/updates/${world.updateId}`);
  await waitForHydration(commenterPage, "#reacties form button[type=submit]");
  await postComment(commenterPage, "Nummer eenendertig", { refusedWith: nl("errors.comment.tooMany") });
  await expect(commenterPage.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) })).toHaveValue("Nummer eenendertig");
});
