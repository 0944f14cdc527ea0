namespace Governance.SharedKernel;

public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// What a feature handler returns, so an API endpoint and a page can each show it their way (ProblemDetails,
/// or messages beside the fields). Field names are the request's property names in camelCase.
/// </summary>
public sealed class Result<T>
{
    private Result(ResultStatus status, T? value, IReadOnlyDictionary<string, string[]> errors, string? message)
    {
        Status = status;
        Value = value;
        Errors = errors;
        Message = message;
    }

    public ResultStatus Status { get; }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string? Message { get; }

    public bool Succeeded => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, Empty, null);

    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, default, errors, null);

    public static Result<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Result<T> NotFound() => new(ResultStatus.NotFound, default, Empty, null);

    public static Result<T> Conflict(string message) => new(ResultStatus.Conflict, default, Empty, message);

    public static Result<T> Forbidden(string message) => new(ResultStatus.Forbidden, default, Empty, message);

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}
