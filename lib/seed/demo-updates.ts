/**
 * Demo updates for the demo programme: invented progress reports, clearly
 * marked as demo text, written by the demo project leaders.
 */
export type DemoUpdate = {
  experimentSlug: string;
  authorEmail: string;
  title: string;
  body: string;
  phase: "VERKENNING" | "PLANVORMING" | "UITVOERING" | "EVALUATIE" | "AFGEROND";
  milestone?: string;
  opgaven: string[];
  themes: string[];
  publishedAt: string;
};

const demoNote = "\n\n_Dit is demotekst: de gebeurtenissen en personen zijn verzonnen._";

export const demoUpdates: DemoUpdate[] = [
  {
    experimentSlug: "tilburg-legosessie-toekomst-van-de-wijk",
    authorEmail: "projectleider@example.nl",
    title: "Legosessie: bewoners bouwen hun wijk van morgen",
    body: `Op een zaterdagmiddag bouwden dertig bewoners en vijf beleidsmakers samen de wijk van 2035 na in Lego.

## Wat werkte
- Kinderen trokken hun ouders mee: de opkomst was twee keer zo hoog als bij een gewone bewonersavond.
- Bewoners bouwden vaker **groen en ontmoetingsplekken** dan zonnepanelen. Daar ligt een koppelkans: het aanleggen van het warmtenet combineren met nieuw groen in de straat.

## Wat lastig was
De technische vragen over warmtepompen konden we ter plekke niet goed beantwoorden. Volgende keer nemen we een energiecoach mee.${demoNote}`,
    phase: "VERKENNING",
    milestone: "Legosessie",
    opgaven: ["energietransitie-aardgasvrij", "openbare-ruimte-en-groen", "sociale-cohesie"],
    themes: ["de-leefwereld-van-bewoners"],
    publishedAt: "2024-03-16T14:00:00Z",
  },
  {
    experimentSlug: "tilburg-legosessie-toekomst-van-de-wijk",
    authorEmail: "projectleider@example.nl",
    title: "Van Legomodel naar wijkvisie",
    body: `De Legomodellen zijn gefotografeerd en vertaald naar vijf ambities voor de wijk. De gemeenteraad bespreekt de wijkvisie in het najaar.

| Ambitie | Opgaven |
| --- | --- |
| Warm en betaalbaar wonen | energietransitie, armoede |
| Groene straten | openbare ruimte, klimaatadaptatie |
| Elkaar kennen | sociale cohesie |

Bewoners die meebouwden, lezen de visie mee voordat hij naar de raad gaat.${demoNote}`,
    phase: "PLANVORMING",
    milestone: "Wijkvisie klaar",
    opgaven: ["energietransitie-aardgasvrij", "armoede-en-schulden", "klimaatadaptatie"],
    themes: ["gebiedsgerichte-koppelkansen"],
    publishedAt: "2024-09-02T09:00:00Z",
  },
  {
    experimentSlug: "dordrecht-eigenwijcks-crabbehof",
    authorEmail: "projectleider.dordrecht@example.nl",
    title: "Sociaal ontwerp laat de eigenwijze kant van Crabbehof zien",
    body: `Ontwerpers liepen drie weken mee met bewoners: bij de voedselbank, op het schoolplein en in de moskee. Het beeld dat ontstond: Crabbehof is *Eigenwijcks*. Bewoners regelen veel zelf en wantrouwen plannen van bovenaf.

Daarom starten we de gesprekken over isolatie niet met een brief, maar met buurtgenoten die zelf al geïsoleerd hebben. Zo combineren we de energieopgave met het aanpakken van **energiearmoede**.${demoNote}`,
    phase: "UITVOERING",
    opgaven: ["energietransitie-aardgasvrij", "armoede-en-schulden", "sociale-cohesie"],
    themes: ["de-leefwereld-van-bewoners", "mensgerichte-koppelkansen"],
    publishedAt: "2023-11-20T10:30:00Z",
  },
  {
    experimentSlug: "den-haag-vernieuwing-cromvlietpark",
    authorEmail: "projectleider.denhaag@example.nl",
    title: "Cromvlietpark: ondernemers en bewoners kiezen samen het ontwerp",
    body: `In drie ontwerpateliers kozen bewoners en lokale ondernemers uit twee schetsen. Het gekozen ontwerp heeft meer schaduw, een waterberging onder het speelveld en een plek voor de markt.

De aannemer neemt bewoners uit de wijk aan via een leerwerktraject. Zo draagt de vernieuwing ook bij aan **werk en participatie**.${demoNote}`,
    phase: "UITVOERING",
    milestone: "Ontwerp gekozen",
    opgaven: ["openbare-ruimte-en-groen", "klimaatadaptatie", "werk-en-participatie"],
    themes: ["gebiedsgerichte-koppelkansen"],
    publishedAt: "2024-05-08T08:00:00Z",
  },
  {
    experimentSlug: "groningen-herinrichting-plutolaan",
    authorEmail: "projectleider.groningen@example.nl",
    title: "Plutolaan: bewoners vanaf het begin aan tafel",
    body: `Nog voordat er een tekening was, vroegen we bewoners wat de Plutolaan voor hen betekent. De drie meest genoemde wensen: veilig oversteken, bankjes in de zon en minder geparkeerde auto's voor de deur.

Omdat de straat toch open gaat voor het nieuwe warmtenet, nemen we die wensen mee in één keer. Bewoners krijgen zo maar één keer overlast in plaats van drie keer.${demoNote}`,
    phase: "PLANVORMING",
    opgaven: ["openbare-ruimte-en-groen", "veiligheid", "energietransitie-aardgasvrij"],
    themes: ["gebiedsgerichte-koppelkansen", "de-leefwereld-van-bewoners"],
    publishedAt: "2024-01-25T12:00:00Z",
  },
  {
    experimentSlug: "den-haag-buurtgesprekken-moerwijk",
    authorEmail: "projectleider.denhaag@example.nl",
    title: "Keukentafelgesprekken in Moerwijk: geldzorgen eerst",
    body: `Bij twintig keukentafelgesprekken ging het eerst over de energierekening en schulden, en pas daarna over isolatie. Een schuldhulpmaatje liep mee.

Les voor andere gemeenten: begin bij de zorgen die mensen nu hebben. Dan ontstaat ruimte voor het gesprek over de wijk van later.${demoNote}`,
    phase: "EVALUATIE",
    opgaven: ["armoede-en-schulden", "gezondheid", "energietransitie-aardgasvrij"],
    themes: ["mensgerichte-koppelkansen"],
    publishedAt: "2025-02-11T15:45:00Z",
  },
];
