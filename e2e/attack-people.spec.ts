import type { Page } from "@playwright/test";
import { expect, nl, test, waitForHydration } from "./fixtures";
import { fitForTextarea, markdownBatches } from "./support/attack-batches";
import { expectInert, type Alarms } from "./support/attack-detectors";
import {
  acceptInvitation,
  armedPage,
  clickAndAwaitAction,
  commentIdsOf,
  expectDetectorsWork,
  expectEveryMarker,
  invite,
  labelled,
  postComment,
  userIdOf,
  visitAllInert,
} from "./support/attack-ui";
import { seedAttackWorld } from "./support/attack-world";
import { BATCHABLE, HOSTILE_EMAILS, hostileNames, SOLITARY } from "./support/hostile-inputs";

// The attack suite, part 2: the words people put in about themselves and
// each other. Hostile invitation addresses, names chosen when accepting an
// invitation (shown in the header, on comments, in mentions, lists,
// notifications, emails and the audit log), comments, report texts and
// moderation reasons, all through the real forms. See attack-inputs.spec.ts
// for what "inert" checks.

test.use({ actionTimeout: 20_000 });

/** Reports comment `commentId` on the open update page with reason "Iets anders" and `text`. */
async function reportComment(page: Page, commentId: string, text: string) {
  const comment = page.locator(`#reactie-${commentId}`);
  await waitForHydration(page, `#reactie-${commentId} summary`);
  await comment.locator("summary", { hasText: nl("moderation.report.open") }).click();
  await comment.getByLabel(nl("moderation.report.reasonLabel")).selectOption("OTHER");
  await comment.getByLabel(labelled(nl("moderation.report.textLabel"))).fill(text);
  await clickAndAwaitAction(page, comment.getByRole("button", { name: nl("moderation.report.submit") }));
  // The thanks, or (once the page has refreshed) the note that this person reported it.
  await expect(
    comment.getByText(nl("moderation.report.received")).or(comment.getByText(nl("moderation.report.alreadyReported"))),
  ).toBeVisible();
}

/** Hides comment `commentId` on the open update page (as a coordinator) with `reason`. */
async function hideComment(page: Page, commentId: string, reason: string) {
  const steps = page.locator(`#reactie-${commentId}`).getByRole("group", { name: new RegExp(`^${nl("moderation.actionsLabel")}`) });
  const step = steps.locator("details", { has: page.locator("summary", { hasText: nl("moderation.hide") }) });
  await waitForHydration(page, `#reactie-${commentId} summary`);
  await step.locator("summary").click();
  await step.getByLabel(labelled(nl("moderation.reasonLabel"))).fill(reason);
  await clickAndAwaitAction(page, step.getByRole("button", { name: new RegExp(`^${nl("moderation.hide")}`) }));
  // The step answers, then the refreshed page shows the banner in its place.
  await expect(page.locator(`#reactie-${commentId}`)).toContainText(nl("moderation.hiddenBanner"));
}

test("hostile addresses, names, comments, mentions, report texts and moderation reasons stay text everywhere they are shown", async ({
  newContext,
}) => {
  test.setTimeout(180_000);
  const world = await seedAttackWorld({ members: 1 });
  const alarms: Alarms = [];
  const updatePath = `/updates/${world.updateId}`;
  const coordinator = await armedPage(newContext, alarms, world.coordinator.email, world.password);
  await expectDetectorsWork(coordinator, alarms);

  // --- Invitations: hostile addresses are refused in plain words; odd valid ones are sent ------
  await coordinator.goto("/beheer/uitnodigingen");
  for (const email of HOSTILE_EMAILS) await invite(coordinator, email, { refused: true });
  await expectInert(coordinator, alarms, "the invitation form after refusals");
  const names = hostileNames(world.tag);
  const anna = { email: `o'hara+anna-${world.tag}@example.nl`, name: names.markdown };
  const carl = { email: `carl'--${world.tag}@example.nl`, name: names.html };
  const links = [await invite(coordinator, anna.email), await invite(coordinator, carl.email)];
  await expectInert(coordinator, alarms, "the invitation list with quoted addresses");

  // --- Both accept with a hostile name and sign in: the header shows it as text ----------------
  await Promise.all([anna, carl].map((person, index) => acceptInvitation(newContext, alarms, links[index]!, person.name, world.password)));
  const signedIn = (people: { email: string }[]) =>
    Promise.all(people.map((person) => armedPage(newContext, alarms, person.email, world.password)));
  const [annaPage, carlPage, member] = (await signedIn([anna, carl, world.members[0]!])) as [Page, Page, Page];
  await expect(annaPage.getByTestId("current-user")).toContainText(anna.name.slice(0, 40));
  await expectInert(annaPage, alarms, "the home page of a hostile name");
  await expectInert(carlPage, alarms, "the home page of another hostile name");

  // --- Anna comments every payload: the batches, each long or deep one alone, and a forged mention --
  const commentable = BATCHABLE.filter((input) => !input.text.includes("](user:"));
  const forgedMention = BATCHABLE.find((input) => input.text.includes("](user:"))!;
  await annaPage.goto(updatePath);
  await waitForHydration(annaPage, "#reacties form button[type=submit]");
  for (const body of markdownBatches(commentable, 10_000)) await postComment(annaPage, body);
  for (const input of SOLITARY) await postComment(annaPage, input.text);
  await postComment(annaPage, forgedMention.text, { refusedWith: nl("errors.comment.mentionUnknown") });
  await expectInert(annaPage, alarms, "the update page with hostile comments");

  // --- A member mentions Carl through the autocomplete ----------------------------------------
  await member.goto(updatePath);
  await waitForHydration(member, "#reacties form button[type=submit]");
  const box = member.getByRole("combobox", { name: new RegExp(`^${nl("comments.newLabel")}`) });
  await box.click();
  await box.pressSequentially(`Wat vind jij, @Carl ${world.tag.slice(0, 4)}`);
  await expect(member.getByRole("option", { name: new RegExp(`^Carl ${world.tag}`) })).toBeVisible();
  await expectInert(member, alarms, "the mention list with a hostile name");
  await box.press("Enter");
  await expect(box).toHaveValue(/@\[Carl[^\]]*\]\(user:[a-z0-9]+\)/);
  await clickAndAwaitAction(member, member.locator("form", { has: box }).getByRole("button", { name: nl("comments.submit"), exact: true }));
  await expect(box).toHaveValue("");
  await member.reload();
  await expectInert(member, alarms, "the update page as a member");
  await expectEveryMarker(member.locator("#reacties"), commentable.length);

  // --- Reports with hostile texts (by Carl and by Anna), and a hostile moderation reason ---------
  const [annaFirst, annaSecond] = await commentIdsOf(await userIdOf(anna.email));
  const [memberComment] = await commentIdsOf(world.members[0]!.id);
  await carlPage.goto(updatePath);
  await reportComment(carlPage, annaFirst!, fitForTextarea(markdownBatches(BATCHABLE, 1000)[0]!, 1000));
  await annaPage.goto(updatePath);
  await reportComment(annaPage, memberComment!, fitForTextarea(markdownBatches(BATCHABLE.slice(40), 1000)[0]!, 1000));
  await expectInert(annaPage, alarms, "the update page after a report");
  await coordinator.goto(updatePath);
  await hideComment(coordinator, annaSecond!, fitForTextarea(markdownBatches(BATCHABLE.slice(80), 1000)[0]!, 1000));
  await expectInert(coordinator, alarms, "the update page as a coordinator, with a hidden comment");

  // --- Everything that shows these words, as the people who see it (side by side) ---------------
  const annaId = await userIdOf(anna.email);
  const [leader, admin] = (await signedIn([world.author, world.admin])) as [Page, Page];
  await Promise.all([
    visitAllInert(coordinator, alarms, [
      "/beheer/moderatie",
      "/beheer/gebruikers",
      `/beheer/gebruikers/${annaId}`,
      "/beheer/uitnodigingen",
    ]),
    visitAllInert(annaPage, alarms, ["/meldingen", "/profiel", "/"]),
    visitAllInert(carlPage, alarms, ["/meldingen"]),
    visitAllInert(leader, alarms, ["/meldingen", updatePath]),
    visitAllInert(admin, alarms, ["/beheer/audit", "/beheer/e-mail", `/beheer/gebruikers/${annaId}/gegevens`]),
  ]);
});
