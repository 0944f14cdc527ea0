namespace Governance.SharedKernel;

/// <summary>Every record belongs to a municipality; queries are filtered by it (DESIGN.md section 1).</summary>
public interface IMunicipalityOwned
{
    Guid MunicipalityId { get; }
}
