namespace Identity.Api.Tests;

public sealed record AddressBody(string Street, string Commune, string District, string Province);
public sealed record ContactBody(string Name, string Email, string Phone);
public sealed record OwnerBody(string Email, string Password, string FullName);
public sealed record RegistrationBody(string Kind, string LegalName, string TaxCode, AddressBody Address, ContactBody Contact, OwnerBody Owner);

/// <summary>Fresh, valid data for each test, so no test sees another's organisations.</summary>
public static class TestData
{
    public const string Password = "Gom$u2024!";

    public static string TaxCode() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();

    public static string Email(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.vn";

    public static RegistrationBody Registration(string kind = "supplier", string? taxCode = null) => new(
        kind,
        $"Hợp tác xã Gốm sứ Bát Tràng {Guid.NewGuid():N}",
        taxCode ?? TaxCode(),
        new AddressBody("Xóm 3", "Xã Bát Tràng", "Huyện Gia Lâm", "Hà Nội"),
        new ContactBody("Nguyễn Văn An", Email("contact"), "+84 912 345 678"),
        new OwnerBody(Email("owner"), Password, "Nguyễn Văn An"));
}
