/// The built-in municipality files, as JSON text decoded by the same loader and validation as a
/// user's file (one path for both). Sources and verification state per value; see
/// `../shared/domain/rules-2026-resolved.md` §7 (Amsterdam) and §8 (Rotterdam, Alphen aan den Rijn).
/// The provisions are kept with their own sources in `KompasProvisions/BuiltIn` and spliced in here.
import KompasProvisions

enum BuiltIn {
    /// Amsterdam has no `hulp.sociaal_raadslieden` on purpose: Amsterdam's sociaal raadslieden
    /// work from the buurtteams, but no official name and address was found in the stored
    /// sources (only third-party pages), so Kompas names the municipality and the Juridisch Loket
    /// and does not guess the rest.
    static let amsterdam = #"""
        {
          "schema": 1,
          "id": "amsterdam",
          "naam": "Amsterdam",
          "inkomen": {
            "vrijlating_standaard": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 2 onder n: toegekend als het werk bijdraagt aan arbeidsinschakeling; Amsterdamse beleidsregels niet gelezen",
              "geverifieerd": "te verifiëren: Beleidsregels Participatiewet Amsterdam 2025 (CVDR736729) niet gelezen"
            },
            "vakantiegeld_maandelijks": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6 (aanspraak op vakantietoeslag per maand)",
              "geverifieerd": "te verifiëren: landelijke regel; Amsterdamse werkwijze niet gevonden (rules-2026-resolved.md §7)"
            },
            "vakantietoeslag_maand": {
              "waarde": 5,
              "bron": "amsterdam.nl via bijstand.amsterdam (2016): 'eens per jaar in mei uitbetaald'",
              "geverifieerd": "te verifiëren: bron uit 2016 (rules-2026-resolved.md §7)"
            }
          },
          "verrekening": {
            "methode_vierwekelijks": {
              "waarde": "dertien-twaalfde",
              "bron": "Divosa, Werkwijzer verrekening parttime inkomsten (2019) §2.5: 'De meeste gemeenten rekenen het vierwekelijkse salaris om … met 13 … te delen door 12'",
              "geverifieerd": "te verifiëren: aanbevolen standaard (rules-2026-resolved.md §7); geen Amsterdamse bron gevonden"
            },
            "methode_wekelijks": {
              "waarde": "werkdagen",
              "bron": "Participatiewet art. 32 lid 1 onder b: inkomen telt in de periode waarop het betrekking heeft",
              "geverifieerd": "te verifiëren: geen Amsterdamse bron gevonden (rules-2026-resolved.md §7)"
            },
            "methode_overig": {
              "waarde": "werkdagen",
              "bron": "Participatiewet art. 32 lid 1 onder b",
              "geverifieerd": "te verifiëren: geen Amsterdamse bron gevonden (rules-2026-resolved.md §7)"
            },
            "eindejaarsuitkering": {
              "waarde": "opbouwmaanden",
              "bron": "Divosa werkwijzer: transactiebeginsel, verrekenen bij betaling over de opbouwmaanden",
              "geverifieerd": "te verifiëren: landelijke aanbeveling; Amsterdamse werkwijze niet gevonden"
            },
            "stijl": {
              "waarde": "achteraf",
              "bron": "Divosa werkwijzer: 'achteraf verrekenen'; bijstand betaald rond de 22e–26e (bijstand.amsterdam, 2016)",
              "geverifieerd": "te verifiëren: geen Amsterdamse bron gevonden (rules-2026-resolved.md §7)"
            },
            "terugbetalen_maanden": {
              "waarde": 1,
              "bron": "Achteraf verrekenen: het verschil gaat af van de volgende betaling",
              "geverifieerd": "te verifiëren: CVDR736729 art. 4.1 (max € 150 per maand bij terugvordering) niet gelezen"
            },
            "inkomstenformulier_dag": {
              "waarde": 25,
              "bron": "Geen Amsterdamse termijn gevonden; Weert: 'uiterlijk de 25e' (rules-2026.md §3.2)",
              "geverifieerd": "te verifiëren: Amsterdamse termijn niet gevonden (rules-2026-resolved.md §7)"
            },
            "loonstrook_termijn_dagen": {
              "waarde": 14,
              "bron": "Inlichtingenplicht art. 17 Participatiewet; gangbare termijn van 2 weken",
              "geverifieerd": "te verifiëren: Amsterdamse termijn niet gevonden"
            }
          },
          "sollicitatieplicht": {
            "aantal": null,
            "periode_weken": null,
            "telt_mee": ["sollicitatie"],
            "bron": "Participatiewet art. 9 lid 1 onder a en art. 18 lid 1: de plicht staat in de wet, het aantal bepaalt de gemeente per persoon",
            "geverifieerd": "te verifiëren: geen openbare bron met een aantal voor Amsterdam gevonden (issue 21, 2026-12-02)"
          },
          "voorzieningen": \#(BuiltInProvisions.json(for: "amsterdam") ?? "[]")
        }
        """#

    static let rotterdam = #"""
        {
          "schema": 1,
          "id": "rotterdam",
          "naam": "Rotterdam",
          "inkomen": {
            "vrijlating_standaard": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 2 onder n",
              "geverifieerd": "te verifiëren: Rotterdamse beleidsregels niet gelezen"
            },
            "vakantiegeld_maandelijks": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6",
              "geverifieerd": "te verifiëren: landelijke regel; Rotterdamse werkwijze niet gevonden"
            },
            "vakantietoeslag_maand": {
              "waarde": 6,
              "bron": "Gangbare praktijk: vakantietoeslag in mei of juni (rules-2026.md §1.2); Rotterdam: 'in mei/juni uitbetaald' (processpecificatie, AI-DOC)",
              "geverifieerd": "te verifiëren: alleen een onbetrouwbare bron (AI-DOC) gevonden"
            }
          },
          "verrekening": {
            "methode_vierwekelijks": {
              "waarde": "dertien-twaalfde",
              "bron": "Geen Rotterdamse regel gevonden; Divosa-standaard ×13/12 (rules-2026-resolved.md §8.1)",
              "geverifieerd": "te verifiëren: geen Rotterdamse bron voor vierwekelijks loon"
            },
            "methode_wekelijks": {
              "waarde": "werkdagen",
              "bron": "rotterdam.nl/werken-leren/verrekening-inkomsten: het loon van de maand waarin het verdiend is",
              "geverifieerd": "te verifiëren: afgeleid uit 'fictieve verrekening' (2018, geprint 2022)"
            },
            "methode_overig": {
              "waarde": "werkdagen",
              "bron": "rotterdam.nl/werken-leren/verrekening-inkomsten",
              "geverifieerd": "te verifiëren: afgeleid uit 'fictieve verrekening' (2018, geprint 2022)"
            },
            "eindejaarsuitkering": {
              "waarde": "opbouwmaanden",
              "bron": "Divosa werkwijzer: transactiebeginsel",
              "geverifieerd": "te verifiëren: Rotterdamse werkwijze niet gevonden"
            },
            "stijl": {
              "waarde": "schatten",
              "bron": "rotterdam.nl/apps/rotterdam.nl/werken-leren/verrekening-inkomsten: 'schat de gemeente dit bedrag. Dit heet een fictieve verrekening'",
              "geverifieerd": "geverifieerd: gemeentelijke pagina (gepubliceerd 2018, geprint 2022), rules-2026-resolved.md §8.1"
            },
            "terugbetalen_maanden": {
              "waarde": 6,
              "bron": "rotterdam.nl verrekening-inkomsten: 'Dit kan voor een periode van maximaal 6 maanden.'",
              "geverifieerd": "geverifieerd: gemeentelijke pagina (2018, geprint 2022), rules-2026-resolved.md §8.1"
            },
            "inkomstenformulier_dag": {
              "waarde": 25,
              "bron": "rotterdam.nl: 'De gemeente stort uw uitkering ongeveer de 25e van de maand'",
              "geverifieerd": "te verifiëren: betaaldag, geen formuliertermijn; die is niet gevonden"
            },
            "loonstrook_termijn_dagen": {
              "waarde": 14,
              "bron": "rotterdam.nl verrekening-inkomsten: 'Uw loonstrook mailt u binnen 2 weken naar uw behandelend team'",
              "geverifieerd": "geverifieerd: gemeentelijke pagina (2018, geprint 2022), rules-2026-resolved.md §8.1"
            }
          },
          "sollicitatieplicht": {
            "aantal": null,
            "periode_weken": null,
            "telt_mee": ["sollicitatie"],
            "bron": "Participatiewet art. 9 lid 1 onder a en art. 18 lid 1: de plicht staat in de wet, het aantal bepaalt de gemeente per persoon",
            "geverifieerd": "te verifiëren: geen openbare bron met een aantal voor Rotterdam gevonden; NOS (2019) citeert een wethouder: oudere werkzoekenden 'moeten vijf brieven per week versturen', maar dat is geen geldende regel (issue 21, 2026-12-02)"
          }
        }
        """#

    /// Alphen aan den Rijn: the second municipality with fully sourced provisions (individuele
    /// inkomenstoeslag 2026, rules-2026-resolved.md §8.2); its income choices are the national defaults.
    static let alphen = #"""
        {
          "schema": 1,
          "id": "alphen-aan-den-rijn",
          "naam": "Alphen aan den Rijn",
          "inkomen": {
            "vrijlating_standaard": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 2 onder n",
              "geverifieerd": "te verifiëren: beleidsregels Alphen aan den Rijn niet gelezen"
            },
            "vakantiegeld_maandelijks": {
              "waarde": true,
              "bron": "Participatiewet art. 31 lid 4 met Regeling Participatiewet, IOAW en IOAZ §6",
              "geverifieerd": "te verifiëren: landelijke regel; werkwijze van de gemeente niet gevonden"
            },
            "vakantietoeslag_maand": {
              "waarde": 5,
              "bron": "Gangbare praktijk: vakantietoeslag in mei of juni (rules-2026.md §1.2)",
              "geverifieerd": "te verifiëren: niet gevonden voor deze gemeente"
            }
          },
          "sollicitatieplicht": {
            "aantal": null,
            "periode_weken": null,
            "telt_mee": ["sollicitatie"],
            "bron": "Participatiewet art. 9 lid 1 onder a en art. 18 lid 1: de plicht staat in de wet, het aantal bepaalt de gemeente per persoon",
            "geverifieerd": "te verifiëren: geen openbare bron met een aantal voor Alphen aan den Rijn gevonden (issue 21, 2026-12-02)"
          },
          "voorzieningen": \#(BuiltInProvisions.json(for: "alphen-aan-den-rijn") ?? "[]")
        }
        """#
}
