// Alphen aan den Rijn (with Kaag en Braassem and Nieuwkoop): a second municipality with different choices
// (income limit 110 % instead of 120 %, amounts by household type and the children's ages).
// Source: the municipality's page, stored copies of 2024 and 2026 (rules-2026-resolved.md §8.2).

extension BuiltInProvisions {
    static let alphenAanDenRijnJSON = #"""
        [
          {
            "id": "alphen.individuele-inkomenstoeslag",
            "soort": "inkomenstoeslag",
            "naam": {"nl": "Inkomenstoeslag", "en": "Income supplement"},
            "omschrijving": {
              "nl": "Heeft u 3 jaar of langer een laag inkomen? Dan krijgt u misschien één keer per 12 maanden een bedrag. U mag zelf weten waar u het aan uitgeeft.",
              "en": "Have you had a low income for 3 years or more? Then you may get an amount once every 12 months, to spend as you like."
            },
            "voorwaarden": {
              "inkomensgrensProcent": 110,
              "minimumLeeftijd": 21,
              "overigeVoorwaarden": [
                {"nl": "Uw gemiddelde inkomen over de afgelopen 36 maanden was niet hoger dan 110 % van uw bijstandsnorm.", "en": "Your average income over the last 36 months was not above 110% of your social assistance norm."},
                {"nl": "Uw vermogen is niet hoger dan voor de bijstand mag.", "en": "Your assets are not above the social assistance limit."},
                {"nl": "U heeft nog geen pensioen, en u deed het afgelopen jaar wat u kon om werk te vinden of te houden.", "en": "You are not retired, and in the last year you did what you could to find or keep work."}
              ]
            },
            "waarde": {"periode": "jaar", "bedragen": [
              {"huishouden": "partners", "kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "825"},
              {"huishouden": "partners", "bedrag": "734"},
              {"huishouden": "alleenstaand", "kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "734"},
              {"huishouden": "alleenstaand", "kindLeeftijd": {"vanLeeftijd": 0, "totEnMetLeeftijd": 11}, "bedrag": "642"},
              {"huishouden": "alleenstaand", "bedrag": "550"}
            ]},
            "uitbetaling": {"nl": "Eén keer per 12 maanden, na uw aanvraag met DigiD.", "en": "Once every 12 months, after you apply with DigiD."},
            "bron": {"titel": "Gemeente Alphen aan den Rijn: Inkomenstoeslag (bedragen 2024)", "url": "https://alphenaandenrijn.nl/Werk_uitkering_en_inkomen/Toeslagen_en_vergoedingen/Inkomenstoeslag", "soort": "overheid"},
            "geldigVan": "2024-01-01",
            "geldigTot": "2024-12-31",
            "geverifieerd": "geverifieerd op 2026-11-23",
            "toelichting": "Opgeslagen kopie van de gemeentepagina met de bedragen voor 2024. De verordening (CVDR) is niet gelezen. De bedragen voor 2025 zijn niet gevonden."
          },
          {
            "id": "alphen.individuele-inkomenstoeslag",
            "soort": "inkomenstoeslag",
            "naam": {"nl": "Inkomenstoeslag", "en": "Income supplement"},
            "omschrijving": {
              "nl": "Heeft u 3 jaar of langer een laag inkomen? Dan krijgt u misschien één keer per 12 maanden een bedrag. U mag zelf weten waar u het aan uitgeeft.",
              "en": "Have you had a low income for 3 years or more? Then you may get an amount once every 12 months, to spend as you like."
            },
            "voorwaarden": {
              "inkomensgrensProcent": 110,
              "minimumLeeftijd": 21,
              "overigeVoorwaarden": [
                {"nl": "Uw gemiddelde inkomen over de afgelopen 36 maanden was niet hoger dan 110 % van uw bijstandsnorm.", "en": "Your average income over the last 36 months was not above 110% of your social assistance norm."},
                {"nl": "Uw vermogen is niet hoger dan voor de bijstand mag.", "en": "Your assets are not above the social assistance limit."},
                {"nl": "U heeft nog geen pensioen, en u deed het afgelopen jaar wat u kon om werk te vinden of te houden.", "en": "You are not retired, and in the last year you did what you could to find or keep work."}
              ]
            },
            "waarde": {"periode": "jaar", "bedragen": [
              {"huishouden": "partners", "kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "901"},
              {"huishouden": "partners", "bedrag": "801"},
              {"huishouden": "alleenstaand", "kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "801"},
              {"huishouden": "alleenstaand", "kindLeeftijd": {"vanLeeftijd": 0, "totEnMetLeeftijd": 11}, "bedrag": "701"},
              {"huishouden": "alleenstaand", "bedrag": "601"}
            ]},
            "uitbetaling": {"nl": "Eén keer per 12 maanden, na uw aanvraag met DigiD.", "en": "Once every 12 months, after you apply with DigiD."},
            "bron": {"titel": "Gemeente Alphen aan den Rijn: Inkomenstoeslag (bedragen 2026)", "url": "https://www.alphenaandenrijn.nl/Onderwerpen/Werk_uitkering_en_inkomen/Toeslagen_en_vergoedingen/Inkomenstoeslag", "soort": "overheid"},
            "geldigVan": "2026-01-01",
            "geldigTot": "2026-12-31",
            "geverifieerd": "geverifieerd op 2026-11-23",
            "toelichting": "Opgeslagen kopie van de gemeentepagina: \"U ontvangt in 2026: Als u alleenstaand bent: € 601 …\". De verordening (CVDR) is niet gelezen."
          }
        ]
        """#
}
