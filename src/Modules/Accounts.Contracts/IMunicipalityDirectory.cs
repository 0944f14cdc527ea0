namespace Governance.Accounts.Contracts;

public sealed record MunicipalityInfo(Guid Id, string Name, string Slug, string TimeZone);

/// <summary>Municipalities of this installation, for other modules. Not filtered by the caller's scope.</summary>
public interface IMunicipalityDirectory
{
    Task<MunicipalityInfo?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<MunicipalityInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken);
}
