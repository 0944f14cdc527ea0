using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Host.Hosting;

/// <summary>
/// What /openapi/v1.json adds to the generated description, so a client can be written from it alone: enums as the
/// strings the API reads, evidence files with their limits, and the bodies of handlers that read JSON or multipart
/// themselves (<see cref="JsonOrEvidenceForm"/>).
/// </summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer(EnumsAsStrings);
        options.AddSchemaTransformer(BoxesToTick);
        options.AddSchemaTransformer(EvidenceFiles);
        options.AddOperationTransformer(JsonOrEvidenceFormAsync);
        options.AddDocumentTransformer(SharedEnumsWithoutNull);
    }

    /// <summary>JsonStringEnumConverter reads and writes member names: the schema says "string" (and null, if nullable).</summary>
    private static Task EnumsAsStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } values && values.Where(v => v is not null).All(IsString))
        {
            schema.Type = values.Any(v => v is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// An enum shared as a component is referenced as <c>oneOf [null, $ref]</c> where it is nullable; a null inside the
    /// component (from whichever use was seen first) would let null in everywhere else too.
    /// </summary>
    private static Task SharedEnumsWithoutNull(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is { } values && values.Any(v => v is null))
            {
                schema.Enum = [.. values.Where(v => v is not null)];
                schema.Type &= ~JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>[Range(typeof(bool), "true", "true")]</c>: a box the sender must tick, so the only value allowed.</summary>
    private static Task BoxesToTick(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(RangeAttribute), true).OfType<RangeAttribute>()
                .FirstOrDefault(r => r.OperandType == typeof(bool) && Equals(r.Minimum, r.Maximum)) is { Minimum: string value })
        {
            schema.Enum = [JsonValue.Create(bool.Parse(value))];
        }

        return Task.CompletedTask;
    }

    /// <summary>Every upload in the API is evidence, checked by <see cref="EvidenceStore"/>.</summary>
    private static Task EvidenceFiles(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(IFormFile))
        {
            schema.Description = EvidenceFile;
        }

        return Task.CompletedTask;
    }

    private static readonly string EvidenceFile =
        $"A PNG, JPEG, WebP or PDF file (recognised by its content), at most {EvidenceStore.MaxBytes / (1024 * 1024)} MB.";

    /// <summary>The body as application/json, or multipart/form-data with that JSON in <c>data</c> and <c>evidence</c> files.</summary>
    private static async Task JsonOrEvidenceFormAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonOrEvidenceForm>().LastOrDefault() is not { } form)
        {
            return;
        }

        var name = form.Body.Name;
        context.Document!.AddComponent(name, await context.GetOrCreateSchemaAsync(form.Body, null, ct));
        var body = new OpenApiSchemaReference(name, context.Document);
        var file = await context.GetOrCreateSchemaAsync(typeof(IFormFile), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = body },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "data" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["data"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.String,
                                ContentMediaType = "application/json",
                                ContentSchema = body,
                                Description = $"The {name} fields as JSON: what the application/json body would be.",
                            },
                            ["evidence"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Array,
                                MaxItems = form.MaxFiles,
                                Items = file,
                                Description = $"Up to {form.MaxFiles} files, each in its own part named 'evidence'.",
                            },
                        },
                    },
                    Encoding = new Dictionary<string, OpenApiEncoding> { ["data"] = new() { ContentType = "application/json" } },
                },
            },
        };
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;
}
