import Foundation

extension ObjectSchemas {
    /// `sollicitatie`: an entry of the application log (issue 21).
    ///
    /// The same text as `Fixtures/open-object/sollicitatie.schema.json`, kept there for the Open
    /// Object mapping (issue 19); a test holds the two equal.
    public static let sollicitatie = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "sollicitatie",
          "description": "Een regel uit het sollicitatielogboek van een klant: een sollicitatie of een activiteit die de kans op werk vergroot. De klant kiest zelf wat hij stuurt.",
          "type": "object",
          "required": ["soort", "datum", "werkgever", "status", "statussen"],
          "properties": {
            "soort": {"type": "string", "enum": ["sollicitatie", "netwerkgesprek", "cursus", "proefdag", "open-dag", "uitzendbureau"]},
            "datum": {"type": "string", "format": "date"},
            "werkgever": {"type": "string", "minLength": 1, "maxLength": 200},
            "functie": {"type": "string", "maxLength": 200},
            "kanaal": {"type": "string", "maxLength": 100},
            "vacatureLink": {"type": "string", "maxLength": 2000},
            "status": {"type": "string", "enum": ["verstuurd", "nabellen-gepland", "gesprek", "afgewezen", "aanbod", "aangenomen"]},
            "statussen": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["status", "datum"],
                "properties": {
                  "status": {"type": "string", "enum": ["verstuurd", "nabellen-gepland", "gesprek", "afgewezen", "aanbod", "aangenomen"]},
                  "datum": {"type": "string", "format": "date"},
                  "gepland": {"type": "string", "format": "date"},
                  "reden": {"type": "string", "maxLength": 1000}
                },
                "additionalProperties": false
              }
            },
            "notities": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["datum", "tekst"],
                "properties": {
                  "datum": {"type": "string", "format": "date"},
                  "tekst": {"type": "string", "minLength": 1, "maxLength": 4000}
                },
                "additionalProperties": false
              }
            },
            "cvNagekekenOp": {"type": "string", "format": "date"},
            "briefNagekekenOp": {"type": "string", "format": "date"}
          },
          "additionalProperties": false
        }
        """
}
