/**
 * Names for the bench programme: 50 Dutch municipalities that are not in the
 * demo programme, with CBS-style gemeentecodes (GM + four digits; meant to look
 * like the real ones and to be unique, not to be an authoritative list), wijk
 * names and people's first and last names. Everything said about them in the
 * bench data is invented.
 */
export const BENCH_MUNICIPALITIES: { name: string; cbsCode: string }[] = [
  { name: "Amsterdam", cbsCode: "GM0363" },
  { name: "Utrecht", cbsCode: "GM0344" },
  { name: "Eindhoven", cbsCode: "GM0772" },
  { name: "Almere", cbsCode: "GM0034" },
  { name: "Breda", cbsCode: "GM0758" },
  { name: "Nijmegen", cbsCode: "GM0268" },
  { name: "Enschede", cbsCode: "GM0153" },
  { name: "Haarlem", cbsCode: "GM0392" },
  { name: "Apeldoorn", cbsCode: "GM0200" },
  { name: "Amersfoort", cbsCode: "GM0307" },
  { name: "Zaanstad", cbsCode: "GM0479" },
  { name: "'s-Hertogenbosch", cbsCode: "GM0796" },
  { name: "Haarlemmermeer", cbsCode: "GM0394" },
  { name: "Zoetermeer", cbsCode: "GM0637" },
  { name: "Leiden", cbsCode: "GM0546" },
  { name: "Maastricht", cbsCode: "GM0935" },
  { name: "Ede", cbsCode: "GM0228" },
  { name: "Leeuwarden", cbsCode: "GM0080" },
  { name: "Alkmaar", cbsCode: "GM0361" },
  { name: "Delft", cbsCode: "GM0503" },
  { name: "Venlo", cbsCode: "GM0983" },
  { name: "Deventer", cbsCode: "GM0150" },
  { name: "Helmond", cbsCode: "GM0794" },
  { name: "Oss", cbsCode: "GM0828" },
  { name: "Heerlen", cbsCode: "GM0917" },
  { name: "Hilversum", cbsCode: "GM0402" },
  { name: "Sittard-Geleen", cbsCode: "GM1883" },
  { name: "Amstelveen", cbsCode: "GM0362" },
  { name: "Schiedam", cbsCode: "GM0606" },
  { name: "Vlaardingen", cbsCode: "GM0622" },
  { name: "Hengelo", cbsCode: "GM0164" },
  { name: "Lelystad", cbsCode: "GM0995" },
  { name: "Gouda", cbsCode: "GM0513" },
  { name: "Purmerend", cbsCode: "GM0439" },
  { name: "Roosendaal", cbsCode: "GM1674" },
  { name: "Nissewaard", cbsCode: "GM1930" },
  { name: "Capelle aan den IJssel", cbsCode: "GM0502" },
  { name: "Veenendaal", cbsCode: "GM0345" },
  { name: "Zeist", cbsCode: "GM0355" },
  { name: "Den Helder", cbsCode: "GM0400" },
  { name: "Hoorn", cbsCode: "GM0405" },
  { name: "Assen", cbsCode: "GM0106" },
  { name: "Bergen op Zoom", cbsCode: "GM0748" },
  { name: "Kerkrade", cbsCode: "GM0928" },
  { name: "Vlissingen", cbsCode: "GM0718" },
  { name: "Smallingerland", cbsCode: "GM0090" },
  { name: "Hoogeveen", cbsCode: "GM0118" },
  { name: "Almelo", cbsCode: "GM0141" },
  { name: "Roermond", cbsCode: "GM0957" },
  { name: "Nieuwegein", cbsCode: "GM0356" },
];

/** Neighbourhood names common across Dutch towns; combined with the town for the first wijk. */
export const WIJK_NAMES = [
  "Centrum",
  "Molenwijk",
  "Vogelbuurt",
  "Bloemenbuurt",
  "Schildersbuurt",
  "Componistenbuurt",
  "Rivierenwijk",
  "Sterrenwijk",
  "Bomenbuurt",
  "Indische Buurt",
  "Staatsliedenbuurt",
  "Spoorzicht",
  "De Burgen",
  "Het Zwanenveld",
  "De Hoogte",
  "Oud-West",
  "Kerkelanden",
  "Park Noord",
  "De Schiemond",
  "Heechterp",
  "Het Hoge Veld",
  "Zeeheldenbuurt",
  "Dichtersbuurt",
  "De Vliert",
  "Transvaalbuurt",
  "Bergen en Dalen",
  "Kanaalzone",
  "De Maten",
  "Westwijk",
  "Oosterpark",
];

export const WIJK_SUFFIXES = ["Noord", "Oost", "Zuid", "West"];

export const FIRST_NAMES = [
  "Anouk", "Bram", "Chantal", "Daan", "Esra", "Femke", "Gijs", "Hanneke", "Ilse", "Jeroen",
  "Karim", "Lotte", "Mehmet", "Noor", "Olivier", "Petra", "Quinten", "Rachida", "Sander", "Tessa",
  "Umut", "Vera", "Wim", "Yara", "Zoë", "Ahmed", "Bas", "Cor", "Dewi", "Eline",
  "Fleur", "Gerrit", "Hatice", "Iris", "Jasper", "Kim", "Lars", "Mirjam", "Nadia", "Pim",
];

export const LAST_NAMES = [
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
  "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
  "Yilmaz", "El Amrani", "Kaya", "Ramdin", "Pinas", "Öztürk", "Hoekstra", "van der Meer", "Kok", "Verhoeven",
];
