/// The OpenAPI 3.0 document of `kompas-gemeente`, served at `GET /api/v2/openapi.json`.
///
/// Checked by `Scripts/validate-openapi.sh` (openapi-spec-validator) and kept true by
/// `Tests/KompasServerTests/OpenAPITests.swift`, which exercises every path and method it lists.
public enum OpenAPIDocument {
    public static let json = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "kompas-gemeente",
            "version": "1.0.0",
            "description": "The municipal endpoint of Kompas. Modelled on the VNG Objects API v2 (objects of an object type with append-only records). Deviations: `type` is the object type's name, not a URL into an Objecttypes API; `klant` names the client an object belongs to; `uuid` is chosen by the client and counts within that client's objects (two clients with the same uuid have two objects, so a create never tells whether another client uses a uuid; a repeated create with the same content answers 200 with the existing object); at most 16 requests per token are in flight at once (429 with Retry-After beyond); a new record must name the latest record in `correctionFor` or the answer is 409. Bodies need Content-Length; chunked transfer encoding is answered 501. Errors are RFC 9457 problem details.",
            "license": {"name": "EUPL-1.2"}
          },
          "servers": [{"url": "/"}],
          "security": [{"bearerAuth": []}],
          "paths": {
            "/api/v2/objects": {
              "get": {
                "operationId": "object_list",
                "summary": "List the objects the token may see (a client: its own; a klantmanager: its caseload).",
                "parameters": [
                  {"name": "type", "in": "query", "schema": {"$ref": "#/components/schemas/ObjectType"}},
                  {"name": "klant", "in": "query", "schema": {"type": "string", "format": "uuid"}},
                  {"name": "data_attrs", "in": "query", "description": "key__op__value, op one of exact, gt, gte, lt, lte, icontains; several separated by commas.", "schema": {"type": "string"}},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                  {"name": "pageSize", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}
                ],
                "responses": {
                  "200": {"description": "A page of objects.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ObjectPage"}}}},
                  "400": {"$ref": "#/components/responses/Problem"},
                  "401": {"$ref": "#/components/responses/Problem"}
                }
              },
              "post": {
                "operationId": "object_create",
                "summary": "Create an object with its first record; idempotent on the client-chosen uuid.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewObject"}}}},
                "responses": {
                  "201": {"description": "Created.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Object"}}}},
                  "200": {"description": "The same create was received before; the existing object.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Object"}}}},
                  "400": {"$ref": "#/components/responses/Problem"},
                  "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "409": {"$ref": "#/components/responses/Problem"},
                  "413": {"$ref": "#/components/responses/Problem"}
                }
              }
            },
            "/api/v2/objects/{uuid}": {
              "parameters": [{"name": "uuid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {
                "operationId": "object_read",
                "summary": "One object with its latest record. Another client's object answers 404.",
                "responses": {
                  "200": {"description": "The object.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Object"}}}},
                  "401": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}
                }
              },
              "put": {
                "operationId": "object_update",
                "summary": "Add a record (a correction). record.correctionFor must be the latest index.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PutRecord"}}}},
                "responses": {
                  "200": {"description": "The object with its new latest record.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Object"}}}},
                  "400": {"$ref": "#/components/responses/Problem"},
                  "401": {"$ref": "#/components/responses/Problem"},
                  "403": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"},
                  "409": {"$ref": "#/components/responses/Problem"}
                }
              }
            },
            "/api/v2/objects/{uuid}/history": {
              "parameters": [{"name": "uuid", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
              "get": {
                "operationId": "object_history",
                "summary": "All records of an object, oldest first.",
                "responses": {
                  "200": {"description": "The records.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Record"}}}}},
                  "401": {"$ref": "#/components/responses/Problem"},
                  "404": {"$ref": "#/components/responses/Problem"}
                }
              }
            },
            "/api/v2/objecttypes": {
              "get": {
                "operationId": "objecttype_list",
                "summary": "The object types with the JSON Schema of their data.",
                "security": [],
                "responses": {
                  "200": {"description": "The object types.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ObjectTypeDescription"}}}}}
                }
              }
            },
            "/api/v2/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "security": [],
                "responses": {
                  "200": {"description": "The OpenAPI document.", "content": {"application/vnd.oai.openapi+json": {"schema": {"type": "object"}}}}
                }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearerAuth": {"type": "http", "scheme": "bearer", "description": "A token made with `kompas-gemeente admin token`. `Authorization: Token …` (the Objects API's scheme) is accepted too."}
            },
            "responses": {
              "Problem": {"description": "An error.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            },
            "schemas": {
              "ObjectType": {"type": "string", "enum": ["loonstrook", "inkomstenopgave", "verrekening", "bericht", "sollicitatie"]},
              "Record": {
                "type": "object",
                "required": ["index", "typeVersion", "data", "startAt", "registrationAt"],
                "properties": {
                  "index": {"type": "integer", "readOnly": true, "minimum": 1},
                  "typeVersion": {"type": "integer", "minimum": 1},
                  "data": {"type": "object", "description": "Validated against the object type's JSON Schema (GET /api/v2/objecttypes)."},
                  "startAt": {"type": "string", "format": "date"},
                  "endAt": {"type": "string", "format": "date", "readOnly": true, "nullable": true},
                  "registrationAt": {"type": "string", "format": "date-time", "readOnly": true},
                  "correctionFor": {"type": "integer", "nullable": true},
                  "correctedBy": {"type": "integer", "readOnly": true, "nullable": true}
                }
              },
              "NewRecord": {
                "type": "object",
                "required": ["typeVersion", "data", "startAt"],
                "properties": {
                  "typeVersion": {"type": "integer", "enum": [1]},
                  "data": {"type": "object"},
                  "startAt": {"type": "string", "format": "date"},
                  "correctionFor": {"type": "integer", "nullable": true}
                }
              },
              "Object": {
                "type": "object",
                "required": ["url", "uuid", "type", "klant", "record"],
                "properties": {
                  "url": {"type": "string"},
                  "uuid": {"type": "string", "format": "uuid"},
                  "type": {"$ref": "#/components/schemas/ObjectType"},
                  "klant": {"type": "string", "format": "uuid"},
                  "record": {"$ref": "#/components/schemas/Record"}
                }
              },
              "NewObject": {
                "type": "object",
                "required": ["uuid", "type", "record"],
                "properties": {
                  "uuid": {"type": "string", "format": "uuid", "description": "Chosen by the client, lower case; the idempotency key among the client's own objects."},
                  "type": {"$ref": "#/components/schemas/ObjectType"},
                  "klant": {"type": "string", "format": "uuid", "description": "Required for a klantmanager; ignored for a client."},
                  "record": {"$ref": "#/components/schemas/NewRecord"}
                }
              },
              "PutRecord": {
                "type": "object",
                "required": ["record"],
                "properties": {"record": {"$ref": "#/components/schemas/NewRecord"}}
              },
              "ObjectPage": {
                "type": "object",
                "required": ["count", "results"],
                "properties": {
                  "count": {"type": "integer"},
                  "next": {"type": "string", "nullable": true},
                  "previous": {"type": "string", "nullable": true},
                  "results": {"type": "array", "items": {"$ref": "#/components/schemas/Object"}}
                }
              },
              "ObjectTypeDescription": {
                "type": "object",
                "required": ["name", "version", "jsonSchema"],
                "properties": {
                  "name": {"$ref": "#/components/schemas/ObjectType"},
                  "version": {"type": "integer"},
                  "jsonSchema": {"type": "object"}
                }
              },
              "Problem": {
                "type": "object",
                "required": ["type", "title", "status"],
                "properties": {
                  "type": {"type": "string"},
                  "title": {"type": "string"},
                  "status": {"type": "integer"},
                  "detail": {"type": "string"},
                  "currentIndex": {"type": "integer", "description": "With 409 on a record: the object's latest index."}
                }
              }
            }
          }
        }
        """#
}
