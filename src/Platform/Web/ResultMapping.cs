using Governance.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Governance.Platform.Web;

/// <summary>One mapping of handler results: to HTTP (ProblemDetails) for the API, to field messages for pages.</summary>
public static class ResultMapping
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.Ok => ok(result.Value!),
        ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors),
        ResultStatus.NotFound => TypedResults.Problem("Not found.", statusCode: StatusCodes.Status404NotFound),
        ResultStatus.Conflict => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
        ResultStatus.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden),
        _ => throw new InvalidOperationException($"Unknown result status {result.Status}."),
    };

    /// <summary>
    /// Runs the request's data annotations, as the API's validation filter does, and puts failures in the page's
    /// model state, beside the form's fields when the form has a <paramref name="prefix"/>. Returns true when the
    /// request is valid.
    /// </summary>
    public static bool TryValidate(this ModelStateDictionary modelState, object request, string prefix = "")
    {
        foreach (var (field, messages) in ValidationFilter.Validate(request))
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(Key(field, prefix), message);
            }
        }

        return modelState.IsValid;
    }

    /// <summary>Puts field errors beside the fields (<c>Input.Field</c>) and anything else in the summary.</summary>
    public static void AddTo<T>(this Result<T> result, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(Key(field, prefix), message);
            }
        }

        if (result.Message is not null)
        {
            modelState.AddModelError("", result.Message);
        }
    }

    /// <summary>A camelCase field as the page names it: <c>Input.Field</c>, or <c>Field</c> without a prefix.</summary>
    private static string Key(string field, string prefix)
    {
        var name = field.Length == 0 ? "" : $"{char.ToUpperInvariant(field[0])}{field[1..]}";
        return name.Length == 0 || prefix.Length == 0 ? name : $"{prefix}.{name}";
    }
}
