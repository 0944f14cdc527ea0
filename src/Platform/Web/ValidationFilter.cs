using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Governance.Platform.Web;

/// <summary>
/// The one validation style for the API: data annotations on the request record, checked before the handler
/// runs (after its free text is normalised); failures become a 400 ValidationProblem with the field errors, and the
/// handler never sees them.
/// </summary>
public static class ValidationFilter
{
    public static RouteHandlerBuilder Validates<TRequest>(this RouteHandlerBuilder builder)
        => builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });
            }

            var errors = Validate(request);
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
        }).ProducesValidationProblem();

    /// <summary>Normalises the request's free text (<see cref="InputText"/>), then checks its data annotations.</summary>
    public static Dictionary<string, string[]> Validate(object request)
    {
        InputText.NormaliseAll(request);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
            .GroupBy(e => JsonName(e.Member))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray());
    }

    private static string JsonName(string member)
        => string.IsNullOrEmpty(member) ? "" : char.ToLowerInvariant(member[0]) + member[1..];
}
