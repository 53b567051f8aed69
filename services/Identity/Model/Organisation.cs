using Matchmaking.Contracts.Identity;

namespace Matchmaking.Identity.Model;

public sealed record Address(string Street, string Commune, string District, string Province);

public sealed record Contact(string Name, string Email, string Phone);

/// <summary>A supplier, a retailer or the programme office; the unit every access token speaks for.</summary>
public sealed class Organisation
{
    public Guid Id { get; private set; }
    /// <summary>One of <see cref="OrganisationKinds"/>, the same string the org_kind claim carries.</summary>
    public string Kind { get; private set; } = "";
    public string LegalName { get; private set; } = "";
    public string TaxCode { get; private set; } = "";
    public Address Address { get; private set; } = null!;
    public Contact Contact { get; private set; } = null!;
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    /// <summary>The subject (user id) of whoever verified.</summary>
    public string? VerifiedBy { get; private set; }
    public List<Membership> Memberships { get; private set; } = [];

    public bool Verified => VerifiedAt is not null;

    private Organisation() { }

    public static Organisation Register(string kind, string legalName, string taxCode, Address address, Contact contact, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        LegalName = legalName,
        TaxCode = taxCode,
        Address = address,
        Contact = contact,
        RegisteredAt = now,
    };

    /// <summary>Records who verified and when; a second call keeps the first verification and reports false.</summary>
    public bool Verify(string verifiedBy, DateTimeOffset now)
    {
        if (Verified) return false;
        VerifiedAt = now;
        VerifiedBy = verifiedBy;
        return true;
    }

    public OrganisationRegistered ToRegistered() => new()
    {
        OrganisationId = Id, Kind = Kind, LegalName = LegalName, TaxCode = TaxCode,
        Province = Address.Province, District = Address.District, Street = Address.Street, Commune = Address.Commune,
        Representative = Contact.Name, RegisteredAt = RegisteredAt,
    };

    public OrganisationVerified ToVerified() => new()
    {
        OrganisationId = Id, Kind = Kind, LegalName = LegalName, VerifiedAt = VerifiedAt!.Value,
    };
}

/// <summary>What a registration request may ask to be; <see cref="ProgrammeOffice"/> only exists through the bootstrap.</summary>
public enum OrganisationKind { Supplier, Retailer, ProgrammeOffice }

/// <summary>The roles an owner or admin may hand out; ownership comes only with registration.</summary>
public enum MemberRole { Admin, Member, Signer }

public static class KindNames
{
    public static string ToContract(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Supplier => OrganisationKinds.Supplier,
        OrganisationKind.Retailer => OrganisationKinds.Retailer,
        OrganisationKind.ProgrammeOffice => OrganisationKinds.ProgrammeOffice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string ToRole(this MemberRole role) => role switch
    {
        MemberRole.Admin => Matchmaking.ServiceDefaults.OrganisationRoles.Admin,
        MemberRole.Member => Matchmaking.ServiceDefaults.OrganisationRoles.Member,
        MemberRole.Signer => Matchmaking.ServiceDefaults.OrganisationRoles.Signer,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
