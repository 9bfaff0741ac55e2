import type { DemoTaxon } from "./demo-data";

/** The demo opgaven's and themes' English names and descriptions, by slug (invented, like the rest of the demo). */
const english: Record<string, { nameEn: string; descriptionEn: string }> = {
  "energietransitie-aardgasvrij": {
    nameEn: "Energy transition / natural-gas-free",
    descriptionEn: "Homes and buildings move off natural gas step by step: insulation, new heat sources and lower energy bills.",
  },
  "armoede-en-schulden": {
    nameEn: "Poverty and debt",
    descriptionEn: "Many residents have little money or are in debt. Together we look for help and for ways to lower fixed costs.",
  },
  gezondheid: {
    nameEn: "Health",
    descriptionEn: "A healthy life in a healthy home and neighbourhood: damp and mould, exercise and good care nearby.",
  },
  "werk-en-participatie": {
    nameEn: "Work and participation",
    descriptionEn: "Helping residents into work, training or volunteering, for example as an energy coach or insulating homes.",
  },
  "wonen-en-woningkwaliteit": {
    nameEn: "Housing and housing quality",
    descriptionEn: "Good, affordable and comfortable homes. Maintenance and making homes sustainable go together where possible.",
  },
  "openbare-ruimte-en-groen": {
    nameEn: "Public space and greenery",
    descriptionEn: "Streets, squares and parks where people like to be, with more green and room to meet each other.",
  },
  veiligheid: {
    nameEn: "Safety",
    descriptionEn: "Residents feel safe at home and in the street. Good lighting and seeing each other help.",
  },
  "onderwijs-en-jeugd": {
    nameEn: "Education and youth",
    descriptionEn: "Children and young people get good chances. Schools and youth work take part in the plans for the neighbourhood.",
  },
  "sociale-cohesie": {
    nameEn: "Social cohesion",
    descriptionEn: "Residents know and help each other. Working on the neighbourhood together makes it stronger.",
  },
  klimaatadaptatie: {
    nameEn: "Climate adaptation",
    descriptionEn: "Preparing the neighbourhood for heat, drought and heavy rain: fewer paving stones, more trees, catching water.",
  },
  "de-leefwereld-van-bewoners": {
    nameEn: "Residents' everyday world",
    descriptionEn: "Starting from what residents themselves need and experience.",
  },
  "mensgerichte-koppelkansen": {
    nameEn: "People-centred koppelkansen",
    descriptionEn: "Combining opgaven around people and households.",
  },
  "gebiedsgerichte-koppelkansen": {
    nameEn: "Area-based koppelkansen",
    descriptionEn: "Combining opgaven in one street, block or neighbourhood.",
  },
};

/** The demo row with its English name and description, when it has them. */
export function withEnglish(taxon: DemoTaxon): DemoTaxon & { nameEn?: string; descriptionEn?: string } {
  return { ...taxon, ...english[taxon.slug] };
}
