namespace Matchmaking.ServiceDefaults;

/// <summary>The failures the exception handler turns into problem responses; anything else is a 500.</summary>
public sealed class NotFoundException(string resource, object id) : Exception($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
}

public sealed class ForbiddenException(string message) : Exception(message);

public sealed class ConflictException(string message) : Exception(message);

/// <summary>A business rule that a request broke, with the fields to blame (camelCase, as in the request).</summary>
public sealed class DomainValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public DomainValidationException(string field, string error) : this(new Dictionary<string, string[]> { [field] = [error] }) { }
}
