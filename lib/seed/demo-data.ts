/**
 * Demo programme content for Koppelkans.
 *
 * Pure data, no database code: the seeding script imports these constants and
 * inserts them. Everything here is fictional demo content. Experiment titles
 * start with DEMO_MARK and every person's name ends with " (demo)", so nobody
 * mistakes it for real statements by real people.
 *
 * Municipality codes are real CBS gemeentecodes. Wijk names are real
 * neighbourhoods, but the two-digit suffix of their CBS wijkcodes is made up.
 * Tag colours are dark enough for white text (contrast ratio ≥ 4.5:1).
 */

export type DemoMunicipality = {
  name: string;
  slug: string;
  cbsCode: string;
  wijken: { name: string; slug: string; cbsCode: string }[];
};

export type DemoTaxon = {
  name: string;
  slug: string;
  description: string;
  color: string;
  sortOrder: number;
};

export type DemoExperiment = {
  title: string;
  slug: string;
  summary: string;
  municipalitySlug: string;
  wijkSlugs: string[];
  phase: "VERKENNING" | "PLANVORMING" | "UITVOERING" | "EVALUATIE" | "AFGEROND";
  /** YYYY-MM-DD */
  startDate: string;
  leaderEmails: string[];
};

export type DemoUser = {
  email: string;
  name: string;
  role: "MEMBER" | "PROJECT_LEADER" | "COORDINATOR" | "ADMIN";
  municipalitySlug: string | null;
};

/** Prefix for experiment titles, so demo content reads as demo content. */
export const DEMO_MARK = "[Demo]";

/** Password for all demo accounts (see README). Never use outside a demo. */
export const DEMO_PASSWORD = "Koppelkans-demo-2026";

export const demoMunicipalities: DemoMunicipality[] = [
  {
    name: "Tilburg",
    slug: "tilburg",
    cbsCode: "GM0855",
    wijken: [
      { name: "Tilburg-Noord", slug: "tilburg-noord", cbsCode: "WK085501" },
      { name: "Groenewoud", slug: "groenewoud", cbsCode: "WK085502" },
    ],
  },
  {
    name: "Dordrecht",
    slug: "dordrecht",
    cbsCode: "GM0505",
    wijken: [{ name: "Crabbehof", slug: "crabbehof", cbsCode: "WK050501" }],
  },
  {
    name: "Den Haag",
    slug: "den-haag",
    cbsCode: "GM0518",
    wijken: [
      { name: "Laakkwartier en Spoorwijk", slug: "laakkwartier-en-spoorwijk", cbsCode: "WK051801" },
      { name: "Moerwijk", slug: "moerwijk", cbsCode: "WK051802" },
    ],
  },
  {
    name: "Groningen",
    slug: "groningen",
    cbsCode: "GM0014",
    wijken: [
      { name: "Paddepoel", slug: "paddepoel", cbsCode: "WK001401" },
      { name: "Selwerd", slug: "selwerd", cbsCode: "WK001402" },
    ],
  },
  {
    name: "Arnhem",
    slug: "arnhem",
    cbsCode: "GM0202",
    wijken: [
      { name: "Presikhaaf", slug: "presikhaaf", cbsCode: "WK020201" },
      { name: "Malburgen", slug: "malburgen", cbsCode: "WK020202" },
    ],
  },
  {
    name: "Zwolle",
    slug: "zwolle",
    cbsCode: "GM0193",
    wijken: [{ name: "Holtenbroek", slug: "holtenbroek", cbsCode: "WK019301" }],
  },
  {
    name: "Rotterdam",
    slug: "rotterdam",
    cbsCode: "GM0599",
    wijken: [{ name: "Bospolder-Tussendijken", slug: "bospolder-tussendijken", cbsCode: "WK059901" }],
  },
  {
    name: "Emmen",
    slug: "emmen",
    cbsCode: "GM0114",
    wijken: [
      { name: "Emmerhout", slug: "emmerhout", cbsCode: "WK011401" },
      { name: "Bargeres", slug: "bargeres", cbsCode: "WK011402" },
    ],
  },
];

export const demoOpgaven: DemoTaxon[] = [
  {
    name: "Energietransitie / aardgasvrij",
    slug: "energietransitie-aardgasvrij",
    description:
      "Huizen en gebouwen gaan stap voor stap van het aardgas af. Dat gaat over isoleren, nieuwe warmtebronnen en lagere energiekosten.",
    color: "#1f6f43",
    sortOrder: 1,
  },
  {
    name: "Armoede en schulden",
    slug: "armoede-en-schulden",
    description:
      "Veel bewoners hebben weinig geld of hebben schulden. We zoeken samen naar hulp en naar manieren om vaste lasten te verlagen.",
    color: "#8a2c2c",
    sortOrder: 2,
  },
  {
    name: "Gezondheid",
    slug: "gezondheid",
    description: "Een gezond leven in een gezond huis en een gezonde buurt. Denk aan vocht en schimmel, bewegen en goede zorg dichtbij.",
    color: "#0b6477",
    sortOrder: 3,
  },
  {
    name: "Werk en participatie",
    slug: "werk-en-participatie",
    description:
      "Bewoners helpen aan werk, een opleiding of vrijwilligerswerk. Bijvoorbeeld als energiecoach of bij het isoleren van woningen.",
    color: "#7a4a00",
    sortOrder: 4,
  },
  {
    name: "Wonen en woningkwaliteit",
    slug: "wonen-en-woningkwaliteit",
    description: "Goede, betaalbare en comfortabele huizen. Onderhoud en verduurzaming gaan zo veel mogelijk samen.",
    color: "#1f4e79",
    sortOrder: 5,
  },
  {
    name: "Openbare ruimte en groen",
    slug: "openbare-ruimte-en-groen",
    description: "Straten, pleinen en parken waar mensen graag komen. Met meer groen en ruimte om elkaar te ontmoeten.",
    color: "#2e6b1f",
    sortOrder: 6,
  },
  {
    name: "Veiligheid",
    slug: "veiligheid",
    description: "Bewoners voelen zich veilig in hun huis en op straat. Goede verlichting en zicht op elkaar helpen daarbij.",
    color: "#4a4a4a",
    sortOrder: 7,
  },
  {
    name: "Onderwijs en jeugd",
    slug: "onderwijs-en-jeugd",
    description: "Kinderen en jongeren krijgen goede kansen. Scholen en jongerenwerk doen mee aan plannen voor de wijk.",
    color: "#5b2a86",
    sortOrder: 8,
  },
  {
    name: "Sociale cohesie",
    slug: "sociale-cohesie",
    description: "Bewoners kennen elkaar en helpen elkaar. Samen aan de wijk werken maakt de buurt sterker.",
    color: "#a12a5e",
    sortOrder: 9,
  },
  {
    name: "Klimaatadaptatie",
    slug: "klimaatadaptatie",
    description: "De wijk voorbereiden op hitte, droogte en hevige regen. Bijvoorbeeld met minder tegels, meer bomen en water opvangen.",
    color: "#005a70",
    sortOrder: 10,
  },
];

export const demoThemes: DemoTaxon[] = [
  {
    name: "De leefwereld van bewoners",
    slug: "de-leefwereld-van-bewoners",
    description:
      "Begin bij wat bewoners belangrijk vinden. Maak samen een helder verhaal over de toekomst van de wijk, geen technisch verhaal over maatregelen.",
    color: "#3b3f8f",
    sortOrder: 1,
  },
  {
    name: "Mensgerichte koppelkansen",
    slug: "mensgerichte-koppelkansen",
    description:
      "Kansen om bewoners zelf verder te helpen, bijvoorbeeld met werk, minder energiekosten of een betere gezondheid. Verbinden is mensenwerk.",
    color: "#6b2f6b",
    sortOrder: 2,
  },
  {
    name: "Gebiedsgerichte koppelkansen",
    slug: "gebiedsgerichte-koppelkansen",
    description:
      "Kansen om woningen, straten, groen en pleinen samen aan te pakken. Betrek bewoners en lokale ondernemers van ontwerp tot oplevering.",
    color: "#2f5d50",
    sortOrder: 3,
  },
];

export const demoUsers: DemoUser[] = [
  {
    email: "beheerder@example.nl",
    name: "Anouk de Vries (demo)",
    role: "ADMIN",
    municipalitySlug: null,
  },
  {
    email: "coordinator@example.nl",
    name: "Joris Bakker (demo)",
    role: "COORDINATOR",
    municipalitySlug: null,
  },
  {
    email: "projectleider@example.nl",
    name: "Fatima El Idrissi (demo)",
    role: "PROJECT_LEADER",
    municipalitySlug: "tilburg",
  },
  {
    email: "deelnemer@example.nl",
    name: "Sanne Hoekstra (demo)",
    role: "MEMBER",
    municipalitySlug: "zwolle",
  },
  {
    email: "projectleider.dordrecht@example.nl",
    name: "Martijn van Dijk (demo)",
    role: "PROJECT_LEADER",
    municipalitySlug: "dordrecht",
  },
  {
    email: "projectleider.denhaag@example.nl",
    name: "Priya Ramdin (demo)",
    role: "PROJECT_LEADER",
    municipalitySlug: "den-haag",
  },
  {
    email: "projectleider.groningen@example.nl",
    name: "Wouter Mulder (demo)",
    role: "PROJECT_LEADER",
    municipalitySlug: "groningen",
  },
];

export const demoExperiments: DemoExperiment[] = [
  {
    title: `${DEMO_MARK} Legosessie: de toekomst van Tilburg-Noord`,
    slug: "tilburg-legosessie-toekomst-van-de-wijk",
    summary:
      "Beleidsmakers en bewoners bouwden samen met Lego hun wijk van de toekomst. Zo kwamen wensen voor wonen, groen en ontmoeten op tafel, nog voordat er plannen waren. Het gezamenlijke beeld is de basis voor de wijkaanpak, waarin aardgasvrij een van de onderdelen is.",
    municipalitySlug: "tilburg",
    wijkSlugs: ["tilburg-noord"],
    phase: "EVALUATIE",
    startDate: "2019-03-11",
    leaderEmails: ["projectleider@example.nl"],
  },
  {
    title: `${DEMO_MARK} Eigenwijcks: social design in Crabbehof`,
    slug: "dordrecht-eigenwijcks-crabbehof",
    summary:
      "Met een socialdesignaanpak zochten we samen met bewoners naar wat Crabbehof eigen maakt. Dat leverde het verhaal van 'Eigenwijcks' op: een wijk met een eigen karakter. Dat verhaal geeft richting aan de verduurzaming en aan sociale plannen in de wijk.",
    municipalitySlug: "dordrecht",
    wijkSlugs: ["crabbehof"],
    phase: "UITVOERING",
    startDate: "2019-06-03",
    leaderEmails: ["projectleider.dordrecht@example.nl"],
  },
  {
    title: `${DEMO_MARK} Vernieuwing Cromvlietpark`,
    slug: "den-haag-vernieuwing-cromvlietpark",
    summary:
      "Het Cromvlietpark wordt vernieuwd, samen met bewoners en lokale ondernemers. Zij denken mee van het eerste ontwerp tot de oplevering. Het park krijgt meer groen, ruimte om te spelen en een betere opvang van regenwater.",
    municipalitySlug: "den-haag",
    wijkSlugs: ["laakkwartier-en-spoorwijk"],
    phase: "AFGEROND",
    startDate: "2019-09-16",
    leaderEmails: ["projectleider.denhaag@example.nl"],
  },
  {
    title: `${DEMO_MARK} Herinrichting Plutolaan`,
    slug: "groningen-herinrichting-plutolaan",
    summary:
      "De Plutolaan krijgt een nieuwe inrichting. Bewoners zijn vanaf het begin betrokken en kiezen mee over groen, parkeren en plekken om elkaar te ontmoeten. Tegelijk bekijken we of de warmteleiding en het vervangen van riolering in hetzelfde werk kunnen.",
    municipalitySlug: "groningen",
    wijkSlugs: ["paddepoel", "selwerd"],
    phase: "UITVOERING",
    startDate: "2020-02-03",
    leaderEmails: ["projectleider.groningen@example.nl"],
  },
  {
    title: `${DEMO_MARK} Energiecoaches tegen energiearmoede`,
    slug: "arnhem-energiecoaches-presikhaaf",
    summary:
      "Getrainde bewoners gaan als energiecoach langs bij buren. Ze geven tips om energie te besparen en plaatsen kleine maatregelen, zoals tochtstrips. Wie geldzorgen heeft, wordt doorverwezen naar schuldhulp in de wijk.",
    municipalitySlug: "arnhem",
    wijkSlugs: ["presikhaaf"],
    phase: "UITVOERING",
    startDate: "2021-01-18",
    leaderEmails: [],
  },
  {
    title: `${DEMO_MARK} Isoleren met werk uit de wijk`,
    slug: "zwolle-isoleren-met-werk-uit-de-wijk",
    summary:
      "Woningen in Holtenbroek worden geïsoleerd door een team waarin werkzoekenden uit de wijk meedraaien. Zij leren het vak op de bouwplaats en krijgen een erkend certificaat. Zo gaan lagere energiekosten en nieuw werk samen.",
    municipalitySlug: "zwolle",
    wijkSlugs: ["holtenbroek"],
    phase: "PLANVORMING",
    startDate: "2022-04-04",
    leaderEmails: [],
  },
  {
    title: `${DEMO_MARK} Warmte en wijkeconomie in Bospolder-Tussendijken`,
    slug: "rotterdam-warmte-en-wijkeconomie-bospolder-tussendijken",
    summary:
      "De wijk gaat over op een warmtenet. We zoeken uit hoe bewoners en lokale ondernemers daar zelf beter van worden, bijvoorbeeld met werk en een wijkfonds. Bewoners praten vroeg mee, zodat er geen plannen over hun hoofd heen worden gemaakt.",
    municipalitySlug: "rotterdam",
    wijkSlugs: ["bospolder-tussendijken"],
    phase: "VERKENNING",
    startDate: "2023-09-01",
    leaderEmails: [],
  },
  {
    title: `${DEMO_MARK} Gezond en koel wonen in Emmerhout`,
    slug: "emmen-gezond-en-koel-wonen-emmerhout",
    summary:
      "Bij onderhoud aan huurwoningen pakken we ook vocht, schimmel en hitte in huis aan. Buiten komen er minder tegels en meer bomen. Een wijkverpleegkundige en de woningcorporatie gaan samen langs de deuren.",
    municipalitySlug: "emmen",
    wijkSlugs: ["emmerhout"],
    phase: "PLANVORMING",
    startDate: "2024-03-11",
    leaderEmails: [],
  },
  {
    title: `${DEMO_MARK} Buurtgesprekken in Moerwijk`,
    slug: "den-haag-buurtgesprekken-moerwijk",
    summary:
      "In kleine gesprekken aan de keukentafel vragen we bewoners wat zij nodig hebben. De antwoorden gaan over geld, veiligheid en een prettig huis, en pas daarna over aardgasvrij. Zo ontstaat een agenda voor de wijk die bewoners herkennen.",
    municipalitySlug: "den-haag",
    wijkSlugs: ["moerwijk"],
    phase: "VERKENNING",
    startDate: "2024-10-07",
    leaderEmails: ["projectleider.denhaag@example.nl"],
  },
];
