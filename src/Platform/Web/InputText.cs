using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Governance.Platform.Web;

/// <summary>
/// What typed text may carry. Free text keeps its line breaks and tabs but loses NUL and the invisible
/// bidirectional controls that make text read differently from what it is; single-line fields
/// (<see cref="SingleLineAttribute"/>) take no control characters at all. Applied to every bound request
/// by <see cref="ValidationFilter.Validate"/> (the API) and <see cref="FreeTextModelBinderProvider"/> (forms).
/// </summary>
public static class InputText
{
    /// <summary>Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';

    /// <summary>Free text without NUL and bidirectional controls; new lines and tabs stay.</summary>
    public static string Normalise(string text)
        => text.AsSpan().IndexOfAny(Dropped) < 0 ? text : string.Concat(text.Where(c => c != '\0' && !IsBidiControl(c)));

    /// <summary>One line: no control characters (line breaks, tabs, C1), no line or paragraph separators.</summary>
    public static bool IsSingleLine(string text)
        => !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c));

    private static readonly System.Buffers.SearchValues<char> Dropped = System.Buffers.SearchValues.Create(
        "\0\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F");

    /// <summary>Normalises every settable string of a request in place, in nested requests and lists too.</summary>
    public static void NormaliseAll(object request) => Walk(request, depth: 0);

    private static void Walk(object? value, int depth)
    {
        if (value is null || depth > 8 || value is string || !IsRequestType(value.GetType()))
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead || IsPassword(property))
            {
                continue;
            }

            var current = property.GetValue(value);
            if (current is string text)
            {
                var normalised = Normalise(text);
                if (!ReferenceEquals(normalised, text) && property.SetMethod is { } set)
                {
                    set.Invoke(value, [normalised]);
                }
            }
            else
            {
                WalkCollection(current, depth);
            }
        }
    }

    private static void WalkCollection(object? value, int depth)
    {
        switch (value)
        {
            case IDictionary dictionary:
                foreach (var key in dictionary.Keys.Cast<object>().ToList())
                {
                    if (dictionary[key] is string s)
                    {
                        dictionary[key] = Normalise(s);
                    }
                    else
                    {
                        Walk(dictionary[key], depth + 1);
                    }
                }

                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is string s)
                    {
                        list[i] = Normalise(s);
                    }
                    else
                    {
                        Walk(list[i], depth + 1);
                    }
                }

                break;
            default:
                Walk(value, depth + 1);
                break;
        }
    }

    /// <summary>Only the application's own request types are walked, never framework objects they may hold.</summary>
    private static bool IsRequestType(Type type) => type.Namespace?.StartsWith("Governance", StringComparison.Ordinal) == true;

    /// <summary>A password is compared as typed.</summary>
    private static bool IsPassword(PropertyInfo property)
        => property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password;
}

/// <summary>A field that is one line of text (a handle, name, e-mail, title, subject or reference): no control characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SingleLineAttribute() : ValidationAttribute("Write this on one line, without line breaks or control characters.")
{
    public override bool IsValid(object? value) => value is not string text || InputText.IsSingleLine(text);
}
