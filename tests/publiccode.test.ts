import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const packageJson = JSON.parse(read("package.json")) as { version: string; license: string; engines: { node: string } };
type Description = { shortDescription: string; longDescription: string; features: string[] };
/** The keys this test reads; the parser gives whatever the file holds, the assertions check it. */
type PublicCode = {
  publiccodeYmlVersion: string;
  name: string;
  url: string;
  softwareVersion: string;
  releaseDate: string;
  platforms: string[];
  categories: string[];
  developmentStatus: string;
  softwareType: string;
  intendedAudience: { scope: string[] };
  description: Record<string, Description>;
  legal: { license: string };
  maintenance: { type: string; contacts: { name: string }[] };
  localisation: { localisationReady: boolean; availableLanguages: string[] };
  dependsOn: { open: { name: string; versionMin?: string }[] };
};
const publiccode = load(read("publiccode.yml")) as PublicCode;

// The controlled vocabularies of publiccode.yml 0.4 (docs/standard in publiccodeyml/publiccode.yml, tag v0.4.0).
const CATEGORIES = new Set(
  (
    "accounting agile-project-management applicant-tracking application-development appointment-scheduling backup billing-and-invoicing " +
    "blog budgeting business-intelligence business-process-management cad call-center-management cloud-management collaboration " +
    "communications compliance-management contact-management content-management crm customer-service-and-support data-analytics " +
    "data-collection data-visualization design design-system digital-asset-management digital-citizenship document-management " +
    "donor-management e-commerce e-signature educational-content email-management email-marketing employee-management " +
    "enterprise-project-management enterprise-social-networking erp event-management facility-management feedback-and-reviews-management " +
    "financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management graphic-design " +
    "help-desk hr ide identity-management instant-messaging integrated-library-system inventory-management it-asset-management " +
    "it-development it-management it-security it-service-management knowledge-management learning-management-system marketing " +
    "mind-mapping mobile-marketing mobile-payment network-management office online-booking online-community payment-gateway payroll " +
    "predictive-analysis procurement productivity-suite project-collaboration project-management property-management " +
    "real-estate-management regulations-and-directives remote-support resource-management sales-management seo service-desk " +
    "social-media-management survey talent-management task-management taxes-management test-management time-management time-tracking " +
    "translation video-conferencing video-editing visitor-management voip warehouse-management web-collaboration web-conferencing " +
    "website-builder whistleblowing workflow-management"
  ).split(" "),
);
const SCOPES = new Set(
  (
    "agriculture culture defence education emergency-services employment energy environment finance-and-economic-development " +
    "foreign-affairs government healthcare infrastructures justice local-authorities manufacturing research science-and-technology " +
    "security society sport tourism transportation welfare"
  ).split(" "),
);
const SOFTWARE_TYPES = [
  "standalone/mobile",
  "standalone/iot",
  "standalone/desktop",
  "standalone/web",
  "standalone/backend",
  "standalone/other",
  "addon",
  "library",
  "configurationFiles",
];

describe("publiccode.yml", () => {
  it("has every key the 0.4 standard requires, with allowed values", () => {
    expect(publiccode.publiccodeYmlVersion).toBe("0.4");
    expect(publiccode.name).toBe("Koppelkans");
    expect(new URL(publiccode.url).protocol).toBe("https:");
    expect(publiccode.platforms).toContain("web");
    expect(publiccode.categories.length).toBeGreaterThan(0);
    for (const category of publiccode.categories) expect(CATEGORIES, category).toContain(category);
    for (const scope of publiccode.intendedAudience.scope) expect(SCOPES, scope).toContain(scope);
    expect(["concept", "development", "beta", "stable", "obsolete"]).toContain(publiccode.developmentStatus);
    expect(SOFTWARE_TYPES).toContain(publiccode.softwareType);
    expect(["internal", "contract", "community", "none"]).toContain(publiccode.maintenance.type);
    if (["internal", "community"].includes(publiccode.maintenance.type)) {
      expect(publiccode.maintenance.contacts.length).toBeGreaterThan(0);
      for (const contact of publiccode.maintenance.contacts) expect(contact.name).toEqual(expect.any(String));
    }
    for (const dependency of publiccode.dependsOn.open) expect(dependency.name).toEqual(expect.any(String));
  });

  it("describes the software in Dutch and English within the standard's lengths", () => {
    expect(Object.keys(publiccode.description).sort()).toEqual(["en", "nl"]);
    for (const [language, description] of Object.entries(publiccode.description)) {
      expect(description.shortDescription.length, language).toBeLessThanOrEqual(150);
      expect(description.shortDescription, language).not.toContain("\n");
      expect(description.longDescription.length, language).toBeGreaterThanOrEqual(150);
      expect(description.longDescription.length, language).toBeLessThanOrEqual(10_000);
      expect(description.features.length, language).toBeGreaterThanOrEqual(5);
      for (const feature of description.features) expect(feature, language).toEqual(expect.any(String));
    }
  });

  it("agrees with package.json, the changelog, the licence file and the app's languages", () => {
    expect(publiccode.softwareVersion).toBe(packageJson.version);
    expect(publiccode.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(read("CHANGELOG.md")).toContain(`## [${packageJson.version}] - ${publiccode.releaseDate}`);
    expect(publiccode.legal.license).toBe("EUPL-1.2");
    expect(packageJson.license).toBe("EUPL-1.2");
    expect(read("LICENSE")).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/);
    expect(publiccode.localisation.localisationReady).toBe(true);
    expect(publiccode.localisation.availableLanguages).toEqual([...locales]);
    const dependency = (name: string) => publiccode.dependsOn.open.find((candidate) => candidate.name === name);
    expect(dependency("PostgreSQL")?.versionMin).toBe("15");
    expect(`>=${dependency("Node.js")?.versionMin}`).toBe(packageJson.engines.node);
  });
});
