// Reads an OpenAPI document (JSON) from standard input and validates it against the OpenAPI specification's own JSON
// schemas with @seriousme/openapi-schema-validator. Prints JSON: { "valid", "version", "errors" }. Used by the API
// document test (tests/ForumManager.Web.Tests/Api/OpenApiDocumentTests.cs).
import { Validator } from '@seriousme/openapi-schema-validator';

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const validator = new Validator();
const result = await validator.validate(document);
process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version ?? null, errors: result.errors ?? [] }));
