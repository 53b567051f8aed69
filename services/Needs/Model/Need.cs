using Matchmaking.ServiceDefaults;

namespace Matchmaking.Needs.Model;

/// <summary>Lifecycle: draft, then open (matching sees it), then closed by the retailer or expired after its last valid day.</summary>
public enum NeedStatus { Draft, Open, Closed, Expired }

/// <summary>Where the goods go, copied from one of the retailer's locations when the need is written.</summary>
public sealed record NeedDelivery
{
    public required string Name { get; init; }
    public string? Address { get; init; }
    public string? Commune { get; init; }
    public required string District { get; init; }
    public required string Province { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
}

/// <summary>Relative weights of a match score's parts, each 0..1 and not all zero; matching normalises them.</summary>
public sealed record MatchWeights
{
    public required double TextRelevance { get; init; }
    public required double CertificationStrength { get; init; }
    public required double Sustainability { get; init; }
    public required double Distance { get; init; }
    public required double Price { get; init; }
    public required double LeadTime { get; init; }

    /// <summary>What a buyer gets without choosing: relevance first, then credentials and sustainability.</summary>
    public static readonly MatchWeights Default = new()
    {
        TextRelevance = 0.25, CertificationStrength = 0.2, Sustainability = 0.2, Distance = 0.15, Price = 0.1, LeadTime = 0.1,
    };
}

/// <summary>The editable facts of a need, as one unit so create and edit apply them the same way.</summary>
public sealed record NeedDetails(
    string Title, string? Description, string Category, IReadOnlyList<string> Keywords,
    IReadOnlyList<string> RequiredSchemes, IReadOnlyList<string> PreferredSchemes, int? MinimumOcopStars,
    long QuantityPerMonth, string Unit, long? MaxUnitPriceVnd, Guid DeliveryLocationId, NeedDelivery Delivery, double? MaxDistanceKm,
    IReadOnlyList<string> Packaging, int? MaxLeadTimeDays, DateOnly NeededFrom, DateOnly ValidUntil, MatchWeights Weights);

/// <summary>A retailer's sourcing need (RFQ-like): what it wants each month, where, under which hard and soft criteria.</summary>
public sealed class Need
{
    public Guid Id { get; init; }
    public Guid RetailerId { get; init; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public string Category { get; private set; } = "";
    public List<string> Keywords { get; private set; } = [];
    public List<string> RequiredSchemes { get; private set; } = [];
    public List<string> PreferredSchemes { get; private set; } = [];
    public int? MinimumOcopStars { get; private set; }
    public long QuantityPerMonth { get; private set; }
    public string Unit { get; private set; } = "";
    public long? MaxUnitPriceVnd { get; private set; }
    public Guid DeliveryLocationId { get; private set; }
    public NeedDelivery Delivery { get; private set; } = null!;
    public double? MaxDistanceKm { get; private set; }
    public List<string> Packaging { get; private set; } = [];
    public int? MaxLeadTimeDays { get; private set; }
    public DateOnly NeededFrom { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public MatchWeights Weights { get; private set; } = MatchWeights.Default;
    public NeedStatus Status { get; private set; } = NeedStatus.Draft;
    /// <summary>Bumped on every change; events carry it so consumers can drop out-of-order deliveries.</summary>
    public long Version { get; private set; }
    /// <summary>PostgreSQL xmin: guards against two edits based on the same read.</summary>
    public uint RowVersion { get; private set; }
    /// <summary>Title, description and keywords folded (no diacritics, lower case) for the open-needs text filter.</summary>
    public string SearchText { get; private set; } = "";
    /// <summary>The delivery province folded the same way, so "ha noi" filters like "Hà Nội".</summary>
    public string ProvinceKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOpen => Status == NeedStatus.Open;
    private bool IsEditable => Status is NeedStatus.Draft or NeedStatus.Open;

    public static Need Draft(Guid retailerId, NeedDetails details, DateTimeOffset now)
    {
        var need = new Need { Id = Guid.CreateVersion7(), RetailerId = retailerId, CreatedAt = now };
        need.Apply(details, now);
        return need;
    }

    public void Apply(NeedDetails d, DateTimeOffset now)
    {
        if (!IsEditable) throw new ConflictException($"A need that is {Status.ToString().ToLowerInvariant()} can no longer be edited.");
        (Title, Description, Category, Unit) = (d.Title, d.Description, d.Category, d.Unit);
        (Keywords, RequiredSchemes, PreferredSchemes, Packaging) = ([.. d.Keywords], [.. d.RequiredSchemes], [.. d.PreferredSchemes], [.. d.Packaging]);
        (MinimumOcopStars, QuantityPerMonth, MaxUnitPriceVnd, MaxDistanceKm, MaxLeadTimeDays) =
            (d.MinimumOcopStars, d.QuantityPerMonth, d.MaxUnitPriceVnd, d.MaxDistanceKm, d.MaxLeadTimeDays);
        (DeliveryLocationId, Delivery, NeededFrom, ValidUntil, Weights) = (d.DeliveryLocationId, d.Delivery, d.NeededFrom, d.ValidUntil, d.Weights);
        SearchText = FoldedText.Fold(string.Join(' ', [Title, Description, .. Keywords]));
        ProvinceKey = FoldedText.Fold(Delivery.Province);
        Touch(now);
    }

    public void ChangeWeights(MatchWeights weights, DateTimeOffset now)
    {
        if (!IsEditable) throw new ConflictException($"A need that is {Status.ToString().ToLowerInvariant()} can no longer be edited.");
        Weights = weights;
        Touch(now);
    }

    /// <summary>The delivery location was corrected; drafts and open needs follow it, closed ones keep what they had.</summary>
    public bool Relocate(NeedDelivery delivery, DateTimeOffset now)
    {
        if (!IsEditable || Delivery == delivery) return false;
        Delivery = delivery;
        ProvinceKey = FoldedText.Fold(delivery.Province);
        Touch(now);
        return true;
    }

    public void Open(DateOnly today, DateTimeOffset now)
    {
        if (Status != NeedStatus.Draft) throw new ConflictException("Only a draft need can be opened.");
        if (ValidUntil < today) throw new DomainValidationException("validUntil", "The need's last valid day has passed; move it before opening the need.");
        Status = NeedStatus.Open;
        OpenedAt = now;
        Touch(now);
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != NeedStatus.Open) throw new ConflictException("Only an open need can be closed.");
        Status = NeedStatus.Closed;
        ClosedAt = now;
        Touch(now);
    }

    /// <summary>The last valid day is a day on which the need still takes matches; it lapses the day after.</summary>
    public bool HasLapsed(DateOnly today) => Status == NeedStatus.Open && ValidUntil < today;

    public void Expire(DateTimeOffset now)
    {
        Status = NeedStatus.Expired;
        ClosedAt = now;
        Touch(now);
    }

    public void EnsureDeletable()
    {
        if (Status != NeedStatus.Draft) throw new ConflictException("Only a draft can be deleted; close an open need instead.");
    }

    /// <summary>Something the snapshot shows changed outside the need (the retailer's name, verification or commitments).</summary>
    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
