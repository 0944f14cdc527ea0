using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Governance.Complaints.Features;
using Governance.Complaints.Features.Appeals;
using Governance.Complaints.Features.CodeOfConduct;
using Governance.Platform.Files;
using Governance.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Host.Tests;

/// <summary>
/// A client can be written from /openapi/v1.json alone: every API endpoint that takes a body describes it, with the
/// request type's enums (as the strings the API accepts) and its data-annotation limits. Which endpoints take a body
/// comes from the endpoints themselves, plus the ones that read their body by hand.
/// </summary>
public sealed partial class OpenApiRequestBodyTests(SharedHost host) : IClassFixture<SharedHost>
{
    /// <summary>Handlers that read JSON, or multipart with that JSON in <c>data</c> and <c>evidence</c> files, themselves.</summary>
    private static readonly Dictionary<string, (Type Body, int MaxFiles)> JsonOrMultipart = new(StringComparer.Ordinal)
    {
        ["POST /api/public/appeals"] = (typeof(FileAppealRequest), CaseFiling.MaxFiles),
        ["POST /api/public/complaints"] = (typeof(FileComplaintRequest), CaseFiling.MaxFiles),
        ["POST /api/public/cases/{reference}/information"] = (typeof(InformationRequest), CaseFiling.MaxFiles),
    };

    [Fact]
    public async Task Every_endpoint_that_takes_a_body_describes_it_with_its_enums_and_limits()
    {
        var document = JsonNode.Parse(await host.App.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var bodies = EndpointsWithBodies();
        Assert.All(JsonOrMultipart.Keys, key => Assert.Contains(key, bodies.Keys));

        var problems = new List<string>();
        foreach (var (key, body) in bodies.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var (method, path) = (key.Split(' ')[0], key.Split(' ')[1]);
            var content = document["paths"]?[path]?[method.ToLowerInvariant()]?["requestBody"]?["content"] as JsonObject;
            if (content is null || content.Count == 0)
            {
                problems.Add($"{key}: no requestBody");
                continue;
            }

            foreach (var (mediaType, media) in content)
            {
                if (media?["schema"] is not JsonObject schema)
                {
                    problems.Add($"{key} {mediaType}: no schema");
                }
                else if (mediaType == "multipart/form-data" && JsonOrMultipart.TryGetValue(key, out var upload))
                {
                    CheckJsonWithEvidence(document, Resolve(document, schema), upload.MaxFiles, $"{key} {mediaType}", problems);
                }
                else if (body != typeof(IFormFile))
                {
                    Check(document, schema, body, $"{key} {mediaType}", problems, []);
                }
                else
                {
                    problems.Add($"{key} {mediaType}: a single file, not the form's fields");
                }
            }

            if (JsonOrMultipart.ContainsKey(key))
            {
                foreach (var wanted in new[] { "application/json", "multipart/form-data" }.Where(m => !content.ContainsKey(m)))
                {
                    problems.Add($"{key}: no {wanted}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>"METHOD /path" (as the document spells it) of every POST, PUT or PATCH under /api that takes a body, and its type.</summary>
    private Dictionary<string, Type> EndpointsWithBodies()
    {
        var found = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var endpoint in host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + RouteConstraints().Replace(endpoint.RoutePattern.RawText ?? "", "}").Trim('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH"))
            {
                var key = $"{method} {path}";
                var body = JsonOrMultipart.TryGetValue(key, out var byHand) ? byHand.Body
                    : endpoint.Metadata.GetMetadata<JsonOrEvidenceForm>()?.Body ?? endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                if (path.StartsWith("/api/", StringComparison.Ordinal) && body is not null)
                {
                    found[key] = body;
                }
            }
        }

        return found;
    }

    /// <summary>The multipart shape: the JSON body as a string part named <c>data</c>, and up to N binary <c>evidence</c> parts.</summary>
    private static void CheckJsonWithEvidence(JsonObject document, JsonObject schema, int maxFiles, string where, List<string> problems)
    {
        var data = schema["properties"]?["data"] as JsonObject;
        if (data is null || !TypeIs(data, "string") || (string?)data["contentMediaType"] != "application/json")
        {
            problems.Add($"{where}: no 'data' part as a JSON string");
        }

        if (!Names(schema["required"]).Contains("data"))
        {
            problems.Add($"{where}: 'data' not required");
        }

        var evidence = schema["properties"]?["evidence"] as JsonObject;
        var file = evidence?["items"] is JsonObject items ? Resolve(document, items) : null;
        if (evidence is null || !TypeIs(evidence, "array") || (int?)evidence["maxItems"] != maxFiles
            || file is null || !TypeIs(file, "string") || (string?)file["format"] != "binary")
        {
            problems.Add($"{where}: 'evidence' is not an array of at most {maxFiles} binary files");
        }
        else if (!((string?)file["description"] ?? "").Contains($"{EvidenceStore.MaxBytes / (1024 * 1024)} MB", StringComparison.Ordinal))
        {
            problems.Add($"{where}: 'evidence' does not give the size limit per file");
        }
    }

    /// <summary>Each JSON member of <paramref name="type"/>: present, enums as their strings, limits and [Required] as declared.</summary>
    private static void Check(JsonObject document, JsonObject schema, Type type, string where, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        var resolved = Resolve(document, schema);
        var properties = resolved["properties"] as JsonObject;
        var required = Names(resolved["required"]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var at = $"{where}: {type.Name}.{name}";
            if (properties?[name] is not JsonObject member)
            {
                problems.Add($"{at} missing");
                continue;
            }

            var value = Resolve(document, member);
            var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = ElementType(clr);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null && !required.Contains(name))
            {
                problems.Add($"{at} is [Required] but not in 'required'");
            }

            if (clr.IsEnum)
            {
                CheckEnum(value, clr, at, problems);
                if (clr == property.PropertyType && value["enum"] is JsonArray values && values.Contains(null))
                {
                    problems.Add($"{at}: {clr.Name} is not nullable, but the schema allows null");
                }
            }
            else if (element is { IsEnum: true } && value["items"] is JsonObject items)
            {
                CheckEnum(Resolve(document, items), element, at + "[]", problems);
            }

            var limit = element is null ? "maxLength" : "maxItems";
            var least = element is null ? "minLength" : "minItems";
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                switch (attribute)
                {
                    case MaxLengthAttribute max:
                        Expect(value, limit, max.Length, at, problems);
                        break;
                    case StringLengthAttribute length:
                        Expect(value, "maxLength", length.MaximumLength, at, problems);
                        Expect(value, "minLength", length.MinimumLength == 0 ? null : length.MinimumLength, at, problems);
                        break;
                    case MinLengthAttribute min:
                        Expect(value, least, min.Length, at, problems);
                        break;
                    case RangeAttribute { OperandType: var operand } range when operand == typeof(bool):
                        // [Range(typeof(bool), "true", "true")]: a box that must be ticked.
                        if (range.Minimum.Equals(range.Maximum) && !(value["const"] is JsonValue c && c.GetValueKind() == JsonValueKind.True
                                || value["enum"] is JsonArray { Count: 1 } e && e[0]?.GetValueKind() == JsonValueKind.True))
                        {
                            problems.Add($"{at} must be true but the schema allows false");
                        }

                        break;
                    case RangeAttribute range:
                        Expect(value, "minimum", Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture), at, problems);
                        Expect(value, "maximum", Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture), at, problems);
                        break;
                }
            }

            var nested = element ?? DictionaryValue(clr) ?? clr;
            var nestedSchema = element is not null ? value["items"] as JsonObject
                : DictionaryValue(clr) is not null ? value["additionalProperties"] as JsonObject
                : value;
            if (IsObject(nested) && nestedSchema is not null)
            {
                Check(document, nestedSchema, nested, $"{where} > {type.Name}.{name}", problems, seen);
            }
        }
    }

    private static void CheckEnum(JsonObject schema, Type type, string at, List<string> problems)
    {
        // JsonStringEnumConverter (the API's and the public forms') reads and writes the member names.
        var allowed = (schema["enum"] as JsonArray)?.Where(v => v is not null).Select(v => v!.ToString()).ToList();
        if (allowed is null || !TypeIs(schema, "string") || !allowed.SequenceEqual(Enum.GetNames(type)))
        {
            problems.Add($"{at}: {type.Name} should be a string enum of [{string.Join(", ", Enum.GetNames(type))}], "
                + $"is {schema.ToJsonString()}");
        }
    }

    private static void Expect(JsonObject schema, string keyword, decimal? expected, string at, List<string> problems)
    {
        var actual = schema[keyword] is JsonValue v ? v.GetValue<decimal>() : (decimal?)null;
        if (expected is not null && actual != expected)
        {
            problems.Add($"{at}: {keyword} should be {expected}, is {actual?.ToString(CultureInfo.InvariantCulture) ?? "absent"}");
        }
    }

    /// <summary>Follows $ref, and the non-null branch of a nullable oneOf/anyOf.</summary>
    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema["$ref"] is JsonValue reference)
            {
                schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject();
            }
            else if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray options
                     && options.OfType<JsonObject>().FirstOrDefault(o => (string?)o["type"] != "null") is { } option)
            {
                schema = option;
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static bool TypeIs(JsonObject schema, string type) => schema["type"] switch
    {
        JsonArray types => types.Any(t => (string?)t == type),
        JsonValue one => (string?)one == type,
        _ => false,
    };

    private static HashSet<string> Names(JsonNode? array)
        => (array as JsonArray)?.Select(n => (string)n!).ToHashSet(StringComparer.Ordinal) ?? [];

    private static Type? ElementType(Type type)
        => type == typeof(string) || DictionaryValue(type) is not null ? null
            : type.IsArray ? type.GetElementType()
            : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0]
            : null;

    private static Type? DictionaryValue(Type type)
        => type.IsGenericType && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) is { } dictionary ? dictionary.GetGenericArguments()[1] : null;

    private static bool IsObject(Type type)
        => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("Governance", StringComparison.Ordinal) == true;

    [GeneratedRegex(@":[^}]+}")]
    private static partial Regex RouteConstraints();
}
