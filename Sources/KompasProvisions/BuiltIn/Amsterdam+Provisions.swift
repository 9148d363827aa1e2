// Amsterdam's minimaregelingen, as far as they could be sourced (rules-2026-resolved.md §7).
// Nothing here could be confirmed for 2026 at amsterdam.nl or in a current CVDR regulation: every entry keeps the
// last confirmed value with its date and is marked "te verifiëren", which `watals` shows.
// The kwijtschelding is waived in whole or in part after the ability to pay (KompasProvisions/Kwijtschelding.swift):
// "inkomensgrensProcent" is there the kosten van bestaan, "betalingscapaciteitProcent" the share of the capacity used.
// The bijverdienpremie ended (as far as known) on 31-12-2023, so it is not in force in 2025–2026.

extension BuiltInProvisions {
    static let amsterdamJSON = #"""
        [
          {
            "id": "amsterdam.stadspas",
            "soort": "stadspas",
            "naam": {"nl": "Stadspas", "en": "City pass (Stadspas)"},
            "omschrijving": {
              "nl": "Met de Stadspas krijgt u korting op sport, cultuur en uitjes in Amsterdam. Sommige activiteiten zijn gratis.",
              "en": "With the Stadspas you get discounts on sports, culture and outings in Amsterdam. Some activities are free."
            },
            "voorwaarden": {"inkomensgrensProcent": 130, "minimumLeeftijd": 18},
            "uitbetaling": {"nl": "Geen geld: u krijgt een pas met kortingen.", "en": "No money: you get a pass with discounts."},
            "bron": {"titel": "Parool: inkomensgrens algemene Stadspas van 120 naar 130 procent van het sociaal minimum", "url": "https://www.parool.nl/amsterdam/stadspas-enkel-voor-amsterdamse-aow-ers-sinds-deze-maand-gestopt~b611b091/", "soort": "achtergrond"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: grens 130 % alleen uit een nieuwsbericht (na 2021); regeling (CVDR) en 2026-grens niet gevonden",
            "toelichting": "Laatst bevestigd: 130 % van het sociaal minimum (Parool, na 2021). Kompas geeft de pas geen bedrag in euro's."
          },
          {
            "id": "amsterdam.stadspas-kindtegoed",
            "soort": "kindregeling",
            "naam": {"nl": "Stadspas kindtegoed (0 tot 4 jaar)", "en": "Stadspas child credit (age 0 to 3)"},
            "omschrijving": {
              "nl": "Voor een kind tot 4 jaar staat er elk jaar tegoed op de Stadspas. Daarmee koopt u spullen voor uw kind.",
              "en": "For a child under 4 there is credit on the Stadspas every year, to buy things for your child."
            },
            "voorwaarden": {"inkomensgrensProcent": 150, "kinderen": {"vanLeeftijd": 0, "totEnMetLeeftijd": 3}},
            "waarde": {"periode": "jaar", "perKind": true, "bedragen": [{"bedrag": "125"}]},
            "uitbetaling": {"nl": "Als tegoed op de Stadspas van uw kind.", "en": "As credit on your child's Stadspas."},
            "bron": {"titel": "Onderwijsconsument: financiële regelingen voor ouders met een laag inkomen in Amsterdam en Weesp (2024)", "url": "https://www.onderwijsconsument.nl/financiele-regelingen-voor-ouders-met-een-laag-inkomen-in-amsterdam-en-weesp/", "soort": "achtergrond"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: bedrag uit 2024 (secundaire bron); grens 150 % gold voor de schooljaren 2023/24 en 2024/25 (AT5)",
            "toelichting": "Laatst bevestigd 2024: € 125 per jaar voor een kind van 0 tot 4 jaar; inkomensgrens kinderregelingen 150 % (AT5, mei 2023)."
          },
          {
            "id": "amsterdam.individuele-inkomenstoeslag",
            "soort": "inkomenstoeslag",
            "naam": {"nl": "Individuele inkomenstoeslag", "en": "Individual income supplement"},
            "omschrijving": {
              "nl": "Heeft u al 3 jaar een laag inkomen? Dan krijgt u misschien één keer per jaar een bedrag. U mag zelf weten waar u het aan uitgeeft.",
              "en": "Have you had a low income for 3 years? Then you may get an amount once a year, to spend as you like."
            },
            "voorwaarden": {
              "inkomensgrensProcent": 120,
              "minimumLeeftijd": 21,
              "overigeVoorwaarden": [
                {"nl": "Uw inkomen was de 3 jaar ervoor ook laag (de gemeente kijkt naar 36 maanden).", "en": "Your income was also low in the 3 years before (the municipality looks at 36 months)."},
                {"nl": "U heeft weinig kans dat uw inkomen snel hoger wordt.", "en": "Your income is not likely to rise soon."}
              ]
            },
            "waarde": {"periode": "jaar", "bedragen": [
              {"huishouden": "partners", "bedrag": "340"},
              {"huishouden": "alleenstaand", "bedrag": "170"}
            ]},
            "uitbetaling": {"nl": "Eén keer per jaar op uw rekening, na uw aanvraag.", "en": "Once a year into your bank account, after you apply."},
            "bron": {"titel": "Verordening individuele inkomenstoeslag Amsterdam (2021)", "url": "https://lokaleregelgeving.overheid.nl/CVDR460812/3", "cvdr": "CVDR460812", "soort": "wet"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: de verordening 2025 (CVDR734407) en de bedragen 2025/2026 zijn niet gelezen",
            "toelichting": "Laatst bevestigd 2022: € 170 alleenstaand, € 340 met partner (NH Nieuws). Grens: 120 % van de bruto IOAW-jaarnorm (verordening 2021), hier benaderd als 120 % van de bijstandsnorm. Een niet-geverifieerde samenvatting van de verordening 2025 noemt 105 % en € 350-€ 800."
          },
          {
            "id": "amsterdam.collectieve-zorgverzekering",
            "soort": "zorgverzekering",
            "naam": {"nl": "Collectieve zorgverzekering (AV Amsterdam)", "en": "Collective health insurance (AV Amsterdam)"},
            "omschrijving": {
              "nl": "Een zorgverzekering van Zilveren Kruis met korting. De gemeente betaalt een deel van de aanvullende verzekering. AV Amsterdam 1 is daardoor gratis. Het eigen risico kunt u in 12 delen betalen.",
              "en": "A Zilveren Kruis health insurance with a discount. The municipality pays part of the supplementary insurance, so AV Amsterdam 1 is free. You can pay the deductible in 12 parts."
            },
            "voorwaarden": {"inkomensgrensProcent": 130},
            "uitbetaling": {"nl": "Geen geld: u betaalt minder premie.", "en": "No money: you pay a lower premium."},
            "bron": {"titel": "Gezond Verzekerd: gemeente Amsterdam", "url": "https://www.gezondverzekerd.nl/gemeente/amsterdam/passende-zorg/", "soort": "achtergrond"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: premies 2026 en de inkomensgrens niet gevonden; 130 % is de algemene Amsterdamse minimagrens",
            "toelichting": "Laatst bevestigd 2022: AV Amsterdam 1 gratis door bijdrage van de gemeente. Kompas geeft geen bedrag in euro's."
          },
          {
            "id": "amsterdam.scholierenvergoeding",
            "soort": "scholierenvergoeding",
            "naam": {"nl": "Scholierenvergoeding", "en": "School costs allowance"},
            "omschrijving": {
              "nl": "Geld voor schoolspullen en uitjes van school, per kind dat naar de basisschool of de middelbare school gaat.",
              "en": "Money for school supplies and school trips, per child in primary or secondary school."
            },
            "voorwaarden": {"inkomensgrensProcent": 150, "kinderen": {"vanLeeftijd": 4, "totEnMetLeeftijd": 17}},
            "waarde": {"periode": "jaar", "perKind": true, "bedragen": [
              {"kindLeeftijd": {"vanLeeftijd": 4, "totEnMetLeeftijd": 11}, "bedrag": "375"},
              {"kindLeeftijd": {"vanLeeftijd": 12, "totEnMetLeeftijd": 17}, "bedrag": "499"}
            ]},
            "uitbetaling": {"nl": "Eén keer per schooljaar, na uw aanvraag.", "en": "Once per school year, after you apply."},
            "bron": {"titel": "DKC De IJsbreker: scholierenvergoeding", "url": "https://www.dkcdeijsbreker.nl/ouders/scholierenvergoeding", "soort": "achtergrond"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: bedragen uit circa 2015 (secundaire bron); 2026-bedragen niet gevonden",
            "toelichting": "Laatst bevestigd circa 2015: € 375 basisschool, € 499 middelbare school. Leeftijden 4-11 en 12-17 zijn een benadering van basis- en middelbare school."
          },
          {
            "id": "amsterdam.kwijtschelding",
            "soort": "kwijtschelding",
            "naam": {"nl": "Kwijtschelding gemeentelijke belastingen", "en": "Waiver of municipal taxes"},
            "omschrijving": {
              "nl": "Heeft u een inkomen rond de bijstand? Dan hoeft u de afvalstoffenheffing misschien niet te betalen.",
              "en": "Is your income around the social assistance level? Then you may not have to pay the waste collection tax."
            },
            "voorwaarden": {"inkomensgrensProcent": 100, "betalingscapaciteitProcent": 80, "vermogensgrens": {"alleenstaand": "3.275", "partners": "4.350"}},
            "waarde": {"periode": "jaar", "bedragen": [
              {"huishouden": "eenpersoons", "bedrag": "344"},
              {"huishouden": "meerpersoons", "bedrag": "459"}
            ]},
            "uitbetaling": {"nl": "Geen geld: u hoeft de aanslag niet te betalen.", "en": "No money: you do not have to pay the tax bill."},
            "bron": {"titel": "Kwijtschelding gemeentebelastingen (Woonwaaier) en Parool over de vermogensbuffer", "url": "https://www.huisvestingkwetsbaregroepen.nl/hoe-werkt-het/woonwaaier/kwijtschelding-gemeentebelastingen/", "soort": "achtergrond"},
            "geldigVan": "2025-01-01",
            "geverifieerd": "te verifiëren: vermogensbuffer en tarieven uit circa 2022/2023; het deel van de betalingscapaciteit (80 %) is het landelijke minimum, het Amsterdamse besluit is niet gevonden",
            "toelichting": "Laatst bevestigd circa 2022/2023: buffer € 3.275 alleenstaand / € 4.350 met partner (Parool); afvalstoffenheffing € 344 / € 459 per jaar. Kwijtschelding na betalingscapaciteit (Uitvoeringsregeling Invorderingswet 1990 art. 11-16): kosten van bestaan 100 % van de bijstandsnorm (landelijk 90 %, een gemeente mag tot 100 %), van wat daarboven overblijft telt 80 % (art. 11: ten minste 80 %) over 12 maanden."
          },
          {
            "id": "amsterdam.bijverdienpremie",
            "soort": "werkpremie",
            "naam": {"nl": "Bijverdienpremie", "en": "Earnings premium"},
            "omschrijving": {
              "nl": "Werkt u naast de bijstand? Dan kreeg u een premie van 30 % van wat u verdiende, tot € 219 per maand.",
              "en": "Do you work next to social assistance? Then you got a premium of 30% of your earnings, up to €219 a month."
            },
            "voorwaarden": {"alleenMetWerk": true},
            "waarde": {"periode": "maand", "percentageVanLoon": 30, "maximumPerMaand": "219"},
            "uitbetaling": {"nl": "Twee keer per jaar: in juni en november.", "en": "Twice a year: in June and November."},
            "bron": {"titel": "NOS: Amsterdam gaat langer door met premie voor werkenden in de bijstand", "url": "https://nos.nl/artikel/2407106-amsterdam-gaat-langer-door-met-premie-voor-werkenden-in-de-bijstand", "soort": "achtergrond"},
            "geldigVan": "2021-01-01",
            "geldigTot": "2023-12-31",
            "geverifieerd": "te verifiëren: verlengd tot eind december 2023; of de premie in 2024-2026 bestaat is niet gevonden",
            "toelichting": "Laatst bevestigd 2023. Telt niet voor de toeslagen, wel als vermogen."
          }
        ]
        """#
}
