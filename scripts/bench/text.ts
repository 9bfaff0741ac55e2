/**
 * Realistic Dutch text for the bench programme, composed from sentence
 * fragments about the domain: bewonersavonden, warmtepompen, isolatie,
 * energiearmoede, wijkaanpak, schulden, groen, koppelkansen. Bodies are
 * Markdown (paragraphs, sometimes a heading, a list, bold text).
 *
 * Every name and organisation in here is invented.
 */
import type { Random } from "./prng";

/** Placeholders in a fragment, filled per update. */
export type TextContext = { wijk: string; gemeente: string };

const PARTNERS = [
  "het wijkteam",
  "de GGD",
  "de energiecoöperatie",
  "het buurtwerk",
  "de woningcorporatie",
  "de bewonerscommissie",
  "het sociaal wijkteam",
  "de schuldhulpverlening",
  "de huurdersvereniging",
  "het jongerenwerk",
  "de wijkverpleegkundige",
  "het Energieloket",
  "de netbeheerder",
  "de basisschool",
  "de bibliotheek",
];

const CORPORATIONS = [
  "Woonstichting De Kern",
  "Wooncorporatie Thuis",
  "Stichting Samen Wonen",
  "WoonGoed Midden",
  "Woonkracht Oost",
  "Stichting Buurtwoningen",
];

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** Sentences per opgave (keyed by the demo opgave slugs). */
const TOPIC_SENTENCES: Record<string, string[]> = {
  "energietransitie-aardgasvrij": [
    "In {n} woningen aan de rand van {wijk} zijn deze maand hybride warmtepompen geplaatst.",
    "Bewoners vroegen vooral naar het geluid van de warmtepompen en naar de kosten per maand.",
    "De proefwoning met een warmtepomp en nieuwe radiatoren was drie zaterdagen open voor buren.",
    "Samen met {partner} bekijken we of een warmtenet in {wijk} betaalbaar is voor huurders.",
    "Voor veel eigenaar-bewoners is isolatie de eerste stap; een warmtepomp komt later.",
    "Spouwmuurisolatie en HR++-glas leverden in de eerste woningen een merkbaar lagere energierekening op.",
    "De woningen krijgen een beter energielabel, van gemiddeld E naar B.",
    "Het collectief inkopen van warmtepompen scheelt bewoners ongeveer {pct} procent.",
    "We merken dat het woord aardgasvrij veel onrust geeft; we praten liever over een warm en betaalbaar huis.",
    "De netbeheerder gaf aan dat het stroomnet in {wijk} pas na {jaar} genoeg capaciteit heeft voor alle warmtepompen.",
    "Bij het vervangen van de cv-ketel kiezen steeds meer bewoners voor een hybride warmtepomp.",
    "Het vloerisoleren onder de woningen ging sneller dan gepland: {n} woningen in {weken} weken.",
    "Een bewoner vertelde dat zijn huis na de isolatie voor het eerst in jaren niet meer tochtig is.",
    "De inductiekookplaat bleek voor oudere bewoners een drempel, dus we organiseerden een kookles.",
    "Zonnepanelen op de daken van de flats leveren stroom voor de gemeenschappelijke ruimtes.",
    "We rekenden met bewoners hun woonlasten door, vóór en na het isoleren.",
  ],
  "armoede-en-schulden": [
    "Veel huishoudens in {wijk} hebben moeite om de energierekening te betalen.",
    "Energiearmoede is hier geen abstract begrip: een op de {deel} huishoudens zit krap bij kas.",
    "De formulierenbrigade hielp {n} bewoners met het aanvragen van de energietoeslag.",
    "Tijdens huisbezoeken vonden we vaak ook geldzorgen achter de voordeur.",
    "Bewoners met schulden verwijzen we direct door naar {partner}.",
    "Een vast aanspreekpunt voor geldvragen werkt beter dan een folder met telefoonnummers.",
    "Lagere vaste lasten geven mensen rust, en daarmee ruimte om over hun huis na te denken.",
    "Het energiefonds van de gemeente vergoedde kleine maatregelen voor huishoudens met een laag inkomen.",
    "We zagen dat schaamte veel mensen ervan weerhoudt om hulp te vragen bij schulden.",
    "In de schuldhulpverlening letten we nu ook op de energierekening en het voorschotbedrag.",
    "Sommige huurders zetten de verwarming helemaal niet meer aan om geld te sparen.",
    "De energiecoaches bespraken met {n} gezinnen hoe ze hun maandbedrag omlaag kunnen krijgen.",
  ],
  gezondheid: [
    "In veel woningen in {wijk} is sprake van vocht en schimmel.",
    "De wijkverpleegkundige ziet dat klachten aan de luchtwegen vaak samenhangen met een vochtig huis.",
    "Samen met de GGD geven we uitleg over goed ventileren na het isoleren.",
    "Bewoners met gezondheidsklachten krijgen voorrang bij de aanpak van hun woning.",
    "Een koel huis is in de zomer net zo belangrijk als een warm huis in de winter.",
    "De huisartsenpraktijk in {wijk} denkt mee over signalen van energiearmoede.",
    "Tijdens de hittegolf gingen vrijwilligers langs bij ouderen om te kijken of het binnen niet te warm werd.",
    "We meten in {n} woningen het binnenklimaat: temperatuur, vochtigheid en CO2.",
    "Gezond wonen blijkt voor bewoners een veel sterkere reden om mee te doen dan klimaatdoelen.",
  ],
  "werk-en-participatie": [
    "Werkzoekenden uit {wijk} lopen mee in het isolatieteam en halen een erkend certificaat.",
    "Inmiddels werken {n} bewoners als energiecoach, de meesten met een vrijwilligersvergoeding.",
    "Twee energiecoaches hebben via het project een betaalde baan bij een installateur gevonden.",
    "De leerwerkplekken bij de aannemer zijn een mooie koppelkans tussen verduurzaming en werk.",
    "Bewoners die meedoen aan het project krijgen een opleiding tot installatiemonteur.",
    "Het taalniveau bleek voor sommige deelnemers een drempel; daarom bieden we nu taalles op de bouwplaats aan.",
    "Lokale ondernemers leveren materiaal en nemen jongeren uit de wijk aan als stagiair.",
    "We organiseerden een banenmarkt in het buurthuis met {n} werkgevers uit de bouw en de installatietechniek.",
  ],
  "wonen-en-woningkwaliteit": [
    "{corporatie} combineert het groot onderhoud van {n} woningen met isolatie en nieuwe kozijnen.",
    "Huurders kregen vooraf een huisbezoek om hun wensen en zorgen op te halen.",
    "Bij eigenaar-bewoners in {wijk} is de staat van de woningen heel verschillend.",
    "De VvE van de flat heeft na drie bijeenkomsten ingestemd met het plan.",
    "We merken dat achterstallig onderhoud eerst moet worden opgelost voordat bewoners willen verduurzamen.",
    "De renovatie gebeurt in bewoonde staat; een wisselwoning blijkt voor de meeste huurders niet nodig.",
    "Een bouwkundige adviseur liep met bewoners door hun huis en gaf per woning advies op maat.",
    "Na de renovatie is de huur niet gestegen, omdat de energiebesparing hoger is dan de huurverhoging.",
    "Bewoners klagen vooral over tocht, koude vloeren en ramen die niet goed sluiten.",
    "De woningcorporatie en de gemeente hebben hun planningen voor {wijk} op elkaar afgestemd.",
  ],
  "openbare-ruimte-en-groen": [
    "In de straat zijn {n} vierkante meter tegels vervangen door groen.",
    "Bewoners hebben samen het ontwerp voor het nieuwe plein gemaakt.",
    "De buurtmoestuin achter de flat is een ontmoetingsplek geworden voor jong en oud.",
    "Met geveltuinen en nieuwe bomen wordt de straat koeler en prettiger om te wonen.",
    "Omdat de straat toch open moest voor het warmtenet, leggen we meteen een nieuwe speelplek aan.",
    "Kinderen uit de wijk kozen mee welke speeltoestellen er in het park komen.",
    "Het groenonderhoud doen we voortaan samen met een groep vrijwilligers uit {wijk}.",
    "Parkeren blijft een gevoelig punt: minder parkeerplaatsen betekent meer ruimte voor groen.",
  ],
  veiligheid: [
    "Bewoners gaven aan dat ze zich 's avonds niet veilig voelen op het pad langs het water.",
    "Met betere verlichting en lagere struiken is het zicht in de straat verbeterd.",
    "De wijkagent schuift aan bij de bewonersavonden om vragen over veiligheid te beantwoorden.",
    "Bij de huisbezoeken letten we ook op brandveiligheid, zoals werkende rookmelders.",
    "Een veilige portiek blijkt voor bewoners belangrijker dan een nieuwe gevel.",
    "Door babbeltrucs aan de deur zijn bewoners voorzichtig; onze coaches dragen daarom altijd een herkenbare pas.",
  ],
  "onderwijs-en-jeugd": [
    "Leerlingen van de basisschool in {wijk} deden een energieproject en gingen thuis op zoek naar sluipverbruik.",
    "Jongeren hielpen als energiecoach bij het plaatsen van radiatorfolie en tochtstrips.",
    "Het jongerenwerk organiseerde een middag over werken in de installatietechniek.",
    "Het schoolplein wordt een groen schoolplein dat na schooltijd open is voor de buurt.",
    "Kinderen blijken de beste ambassadeurs: ze nemen wat ze leren mee naar huis.",
    "Met het mbo in {gemeente} is een leerroute opgezet voor jongeren uit de wijk.",
  ],
  "sociale-cohesie": [
    "De koffieochtend in het buurthuis trekt elke week meer bewoners.",
    "Buren helpen elkaar nu met kleine klussen, zoals het plaatsen van tochtstrips.",
    "Bewoners kennen elkaar beter sinds de straatgesprekken van dit voorjaar.",
    "Het buurtfeest was een goede gelegenheid om het plan voor {wijk} te laten zien.",
    "Sleutelfiguren uit verschillende gemeenschappen in de wijk helpen ons om iedereen te bereiken.",
    "We merken dat vertrouwen tussen bewoners en instanties tijd kost en niet te versnellen is.",
    "In de buurtapp van {wijk} worden tips over energie besparen inmiddels volop gedeeld.",
    "Een groep bewoners heeft een eigen buurtcoöperatie opgericht.",
  ],
  klimaatadaptatie: [
    "Bij hevige regen stond de straat vaak blank; met een wadi wordt het water nu opgevangen.",
    "Bewoners krijgen een regenton en advies over het vergroenen van hun tuin.",
    "Groene daken op de bergingen houden regenwater vast en koelen de woningen.",
    "De hittekaart laat zien dat {wijk} een van de warmste wijken van {gemeente} is.",
    "Nieuwe bomen geven schaduw op de plekken waar ouderen in de zomer graag buiten zitten.",
    "Het vervangen van de riolering combineren we met het afkoppelen van regenwater.",
  ],
};

/** Sentences about the process and the way of working, for every update. */
const PROCESS_SENTENCES = [
  "Op de bewonersavond in {maand} kwamen ruim {n} bewoners af.",
  "De bewonersavond in het buurthuis van {wijk} was goed bezocht.",
  "We begonnen de avond met de vraag wat bewoners zelf belangrijk vinden aan hun wijk.",
  "In keukentafelgesprekken hoorden we wat er achter de voordeur speelt.",
  "De wijkaanpak in {wijk} is bedoeld om verduurzaming te koppelen aan wat bewoners nodig hebben.",
  "Het zoeken naar koppelkansen vraagt om samenwerking tussen afdelingen die elkaar niet vanzelf vinden.",
  "Met {partner} hebben we nu elke twee weken een overleg over de voortgang.",
  "De gemeenteraad van {gemeente} heeft het plan voor {wijk} in {maand} vastgesteld.",
  "De planning schoof een paar maanden op, omdat de aanbesteding langer duurde dan verwacht.",
  "Het budget voor dit jaar is grotendeels besteed; voor volgend jaar is een aanvraag ingediend.",
  "We hebben de aanpak tussentijds geëvalueerd met bewoners en partners.",
  "In de wijkkrant van {maand} stond een verslag van de eerste resultaten.",
  "De vragen van bewoners verzamelen we in een lijst die we op de website bijhouden.",
  "Niet iedereen is enthousiast: een deel van de bewoners wil eerst zien of het werkt bij de buren.",
  "We proberen plannen niet over de hoofden van bewoners heen te maken.",
  "Vanuit het programma kregen we waardevolle tips van projectleiders uit andere gemeenten.",
  "In {gemeente} kijken andere wijken inmiddels mee naar wat hier gebeurt.",
  "Het blijft zoeken naar de juiste balans tussen snelheid en zorgvuldigheid.",
  "Een vast gezicht in de wijk blijkt belangrijker dan een mooie campagne.",
  "Bewoners die in het begin kritisch waren, denken nu mee in de klankbordgroep.",
  "De samenwerking met {corporatie} verloopt goed, al zijn de processen soms traag.",
  "We gaan in {maand} verder met de volgende straat.",
  "Dankzij de subsidie uit het programma kunnen we de aanpak uitbreiden naar {n} extra woningen.",
  "De resultaten van de enquête onder {n} bewoners delen we binnenkort.",
];

const LESSON_SENTENCES = [
  "Begin bij de leefwereld van bewoners, niet bij de techniek.",
  "Neem de tijd voor huisbezoeken; daar hoor je wat er echt speelt.",
  "Zorg voor één aanspreekpunt, zodat bewoners niet van loket naar loket gaan.",
  "Maak afspraken met partners concreet en leg vast wie wat doet.",
  "Kleine, zichtbare resultaten helpen om vertrouwen op te bouwen.",
  "Vraag bewoners zelf om uitleg te geven aan hun buren.",
  "Houd rekening met bewoners die de Nederlandse taal niet goed beheersen.",
  "Combineer werk in de straat zo veel mogelijk, dan gaat de straat maar één keer open.",
  "Wees eerlijk over wat nog niet bekend is, ook over de kosten.",
  "Vier successen samen met de bewoners.",
];

const TITLE_PATTERNS = [
  "Bewonersavond over {onderwerp} in {wijk}",
  "Eerste resultaten: {onderwerp}",
  "{onderwerp}: wat we tot nu toe leerden",
  "Terugblik op {maand}: {onderwerp}",
  "Stand van zaken {onderwerp} in {wijk}",
  "Keukentafelgesprekken over {onderwerp}",
  "Nieuwe stap in {wijk}: {onderwerp}",
  "{onderwerp} in {wijk} van start",
  "Evaluatie van {onderwerp}",
  "Wat bewoners zeggen over {onderwerp}",
];

/** Subjects for titles per opgave. */
const TOPIC_SUBJECTS: Record<string, string[]> = {
  "energietransitie-aardgasvrij": [
    "warmtepompen",
    "isolatie van de flats",
    "het warmtenet",
    "aardgasvrij wonen",
    "collectieve isolatie",
    "zonnepanelen op de daken",
  ],
  "armoede-en-schulden": [
    "energiearmoede",
    "hulp bij schulden",
    "lagere vaste lasten",
    "de energietoeslag",
    "geldzorgen achter de voordeur",
  ],
  gezondheid: ["vocht en schimmel", "gezond wonen", "een koel huis in de zomer", "het binnenklimaat"],
  "werk-en-participatie": ["energiecoaches", "werk uit de wijk", "leerwerkplekken", "de opleiding tot monteur"],
  "wonen-en-woningkwaliteit": ["het groot onderhoud", "de renovatie", "woningkwaliteit", "huisbezoeken bij huurders"],
  "openbare-ruimte-en-groen": ["meer groen in de straat", "het nieuwe plein", "de buurtmoestuin", "geveltuinen"],
  veiligheid: ["een veilige straat", "betere verlichting", "brandveiligheid"],
  "onderwijs-en-jeugd": ["het groene schoolplein", "jongeren als energiecoach", "energieles op school"],
  "sociale-cohesie": ["de koffieochtend", "het buurtfeest", "de buurtcoöperatie", "samen de wijk in"],
  klimaatadaptatie: ["regenwater opvangen", "hitte in de wijk", "groene daken", "de wadi"],
};

export const MILESTONES = [
  "Eerste bewonersavond",
  "Plan vastgesteld door de raad",
  "Subsidie toegekend",
  "Start uitvoering",
  "Eerste woningen opgeleverd",
  "Tussenevaluatie",
  "Honderdste huisbezoek",
  "Aanbesteding afgerond",
  "Eindevaluatie",
];

const HEADINGS = ["Wat we leerden", "Hoe verder", "Wat bewoners zeggen", "Resultaten tot nu toe", "Lessen voor andere gemeenten"];

/** Experiment title subjects: "<subject> in <wijk>". */
export const EXPERIMENT_SUBJECTS: { title: string; opgaven: string[] }[] = [
  { title: "Energiecoaches tegen energiearmoede", opgaven: ["armoede-en-schulden", "werk-en-participatie"] },
  { title: "Warmtenet en wijkeconomie", opgaven: ["energietransitie-aardgasvrij", "werk-en-participatie"] },
  { title: "Isoleren met werk uit de wijk", opgaven: ["energietransitie-aardgasvrij", "werk-en-participatie"] },
  { title: "Gezond en koel wonen", opgaven: ["gezondheid", "klimaatadaptatie"] },
  { title: "Buurtgesprekken over de toekomst", opgaven: ["sociale-cohesie", "armoede-en-schulden"] },
  { title: "Samen van het gas af", opgaven: ["energietransitie-aardgasvrij", "sociale-cohesie"] },
  { title: "Hybride warmtepompen voor huurders", opgaven: ["energietransitie-aardgasvrij", "wonen-en-woningkwaliteit"] },
  { title: "Collectieve isolatie voor eigenaar-bewoners", opgaven: ["energietransitie-aardgasvrij", "wonen-en-woningkwaliteit"] },
  { title: "Tegels eruit, groen erin", opgaven: ["openbare-ruimte-en-groen", "klimaatadaptatie"] },
  { title: "Vocht en schimmel de wijk uit", opgaven: ["gezondheid", "wonen-en-woningkwaliteit"] },
  { title: "Keukentafelgesprekken over geld en energie", opgaven: ["armoede-en-schulden", "energietransitie-aardgasvrij"] },
  { title: "Groene schoolpleinen", opgaven: ["onderwijs-en-jeugd", "openbare-ruimte-en-groen"] },
  { title: "Veilig en duurzaam wonen in de portiekflat", opgaven: ["veiligheid", "wonen-en-woningkwaliteit"] },
  { title: "Wijkfonds voor verduurzaming", opgaven: ["armoede-en-schulden", "sociale-cohesie"] },
  { title: "Klimaatbestendige straten", opgaven: ["klimaatadaptatie", "openbare-ruimte-en-groen"] },
  { title: "Jongeren als energieambassadeur", opgaven: ["onderwijs-en-jeugd", "werk-en-participatie"] },
];

function fill(template: string, random: Random, context: TextContext): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    switch (key) {
      case "wijk":
        return context.wijk;
      case "gemeente":
        return context.gemeente;
      case "partner":
        return random.pick(PARTNERS);
      case "corporatie":
        return random.pick(CORPORATIONS);
      case "maand":
        return random.pick(MONTHS);
      case "n":
        return String(random.int(8, 140));
      case "pct":
        return String(random.int(10, 35));
      case "deel":
        return String(random.int(3, 6));
      case "weken":
        return String(random.int(2, 9));
      case "jaar":
        return String(random.int(2027, 2031));
      case "onderwerp":
        return "";
      default:
        return key;
    }
  });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A title about one of the update's opgaven. */
export function composeTitle(random: Random, opgaveSlugs: string[], context: TextContext): string {
  const subject = random.pick(TOPIC_SUBJECTS[random.pick(opgaveSlugs)] ?? ["de wijkaanpak"]);
  const title = fill(random.pick(TITLE_PATTERNS).replace("{onderwerp}", subject), random, context);
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * A Markdown body of about `targetWords` words (80–400 in the bench): process
 * sentences mixed with sentences about the update's opgaven, in paragraphs,
 * sometimes with a heading, a list of lessons or a bold phrase.
 */
export function composeBody(random: Random, opgaveSlugs: string[], context: TextContext, targetWords: number): string {
  const topical = opgaveSlugs.flatMap((slug) => TOPIC_SENTENCES[slug] ?? []);
  const blocks: string[] = [];
  let count = 0;
  let headingUsed = false;
  let listUsed = false;
  while (count < targetWords) {
    const left = targetWords - count;
    if (!listUsed && blocks.length >= 2 && left > 40 && random.chance(0.3)) {
      listUsed = true;
      const heading = random.pick(HEADINGS);
      const items = random.sample(LESSON_SENTENCES, random.int(2, 4)).map((item) => `- ${item}`);
      const block = `## ${heading}\n\n${items.join("\n")}`;
      blocks.push(block);
      count += words(block);
      continue;
    }
    if (!headingUsed && blocks.length >= 3 && random.chance(0.2)) {
      headingUsed = true;
      blocks.push(`## ${random.pick(HEADINGS)}`);
    }
    const sentences: string[] = [];
    const size = random.int(2, 5);
    for (let i = 0; i < size && count < targetWords; i++) {
      const pool = topical.length && random.chance(0.6) ? topical : PROCESS_SENTENCES;
      let sentence = fill(random.pick(pool), random, context);
      if (random.chance(0.05)) sentence = `**${sentence.replace(/\.$/, "")}**.`;
      sentences.push(sentence);
      count += words(sentence);
    }
    blocks.push(sentences.join(" "));
  }
  return blocks.join("\n\n");
}

/** A summary of an experiment (2–4 sentences). */
export function composeSummary(random: Random, opgaveSlugs: string[], context: TextContext): string {
  const topical = opgaveSlugs.flatMap((slug) => TOPIC_SENTENCES[slug] ?? []);
  const first = fill(random.pick(PROCESS_SENTENCES.slice(4, 6)), random, context);
  return [first, ...random.sample(topical, random.int(1, 3)).map((sentence) => fill(sentence, random, context))].join(" ");
}

/** URL-safe lower-case slug: accents dropped, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const COMMENT_OPENINGS = [
  "Mooi initiatief!",
  "Dank voor het delen.",
  "Herkenbaar verhaal.",
  "Interessant om te lezen.",
  "Goed om te zien dat het lukt.",
  "Wat een mooie stap.",
  "Dit helpt ons echt verder.",
];

const COMMENT_SENTENCES = [
  "Hoe hebben jullie de bewoners bereikt die niet naar de bewonersavond komen?",
  "Wij lopen in {gemeente} tegen precies hetzelfde aan.",
  "Hoeveel tijd kosten de huisbezoeken per woning ongeveer?",
  "Hebben jullie de energiecoaches zelf opgeleid of via een partner?",
  "Bij ons werkte een koffieochtend in het buurthuis beter dan een brief.",
  "Welke afspraken hebben jullie met de woningcorporatie gemaakt?",
  "Zijn de warmtepompen bij de bewoners goed bevallen, ook qua geluid?",
  "Mogen we jullie plan van aanpak gebruiken voor onze wijk?",
  "Hoe gaan jullie om met eigenaar-bewoners die het niet kunnen betalen?",
  "Een tip: betrek de wijkverpleegkundige er vroeg bij.",
  "De koppeling met schuldhulp is sterk; dat gaan wij ook proberen.",
  "Wat was de grootste tegenvaller tot nu toe?",
  "Wij hebben goede ervaringen met een vast spreekuur in de wijk.",
  "Is er al iets bekend over de besparing op de energierekening?",
  "Hoe houden jullie de planning vast als de aanbesteding uitloopt?",
  "Ik stuur je een bericht met onze ervaringen met isolatie in portiekflats.",
  "Goed punt over vertrouwen: dat kost bij ons ook veel tijd.",
  "Kunnen we een keer langskomen om het te zien?",
];

const REPLY_SENTENCES = [
  "Goede vraag!",
  "Dank je, ik stuur je de details.",
  "Dat herken ik.",
  "Bij ons ging het via {partner}.",
  "We gebruiken daarvoor een vaste contactpersoon per straat.",
  "Dat verschilt per straat, maar reken op een uur per huisbezoek.",
  "Ja, graag! Neem gerust contact op.",
  "Klopt, daar zijn we nog niet uit.",
];

/** A comment (1–3 sentences), or a reply to one. */
export function composeComment(random: Random, context: TextContext, reply: boolean): string {
  const parts: string[] = [];
  if (reply) parts.push(fill(random.pick(REPLY_SENTENCES), random, context));
  else if (random.chance(0.4)) parts.push(random.pick(COMMENT_OPENINGS));
  for (const sentence of random.sample(COMMENT_SENTENCES, random.int(1, reply ? 1 : 2))) parts.push(fill(sentence, random, context));
  return parts.join(" ");
}
