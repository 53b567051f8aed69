using Matchmaking.Contracts.Catalogue;
using Matchmaking.Matching.Engine;
using Matchmaking.Matching.Model;
using Matchmaking.Matching.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Matchmaking.Matching.Tests;

/// <summary>The engine in-process against the real read-model tables, as the benchmark drives it: seed, match, read back.</summary>
public sealed class EngineTests(MatchingFactory factory) : IClassFixture<MatchingFactory>
{
    private Task<List<Match>> MatchesOfNeedAsync(Guid needId) =>
        factory.WithDbAsync(db => db.Matches.AsNoTracking().Where(m => m.NeedId == needId).OrderByDescending(m => m.Score).ToListAsync());

    /// <summary>An engine on its own clock or limit, resolved like the service's own.</summary>
    private Task<T> WithEngineAsync<T>(Func<MatchEngine, Task<T>> action, TimeProvider? clock = null, int? maxMatches = null) =>
        factory.InScopeAsync(sp =>
        {
            var args = new List<object>();
            if (clock is not null) args.Add(clock);
            if (maxMatches is { } max) args.Add(Options.Create(new MatchingOptions { MaxMatchesPerNeed = max }));
            return action(ActivatorUtilities.CreateInstance<MatchEngine>(sp, [.. args]));
        });

    private Task SeedAsync(params ProductSnapshot[] products) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertProductsAsync([.. products.Select(p => (p, 1L))], default));

    [Fact]
    public async Task A_need_is_matched_against_every_product_keeping_only_those_that_qualify_best_first()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var (best, plain, tooFar, wrongCategory) = (market.Bag(), market.Bag(name: "Túi giấy kraft") with { Packaging = "recycled" },
            market.Bag(site: TestData.HaiPhong), market.Bag() with { Category = "ceramics" });

        var run = await factory.SeedAndMatchNeedAsync(need, best, plain, tooFar, wrongCategory);

        Assert.Equal(2, run.Added.Count);
        var matches = await MatchesOfNeedAsync(need.NeedId);
        Assert.Equal([best.ProductId, plain.ProductId], matches.Select(m => m.ProductId));
        var top = matches[0];
        Assert.Equal((need.RetailerId, best.SupplierId, MatchStatuses.Open, 1_100L), (top.RetailerId, top.SupplierId, top.Status, top.UnitPriceVnd));
        Assert.Equal(top.Score, top.Breakdown.Sum(b => b.Contribution), 3);
        Assert.Contains("có nhắc đến “túi tự hủy”, “bột ngô”", top.Reasons);
        Assert.Equal(("Túi sinh học tự hủy từ bột ngô", "Long Biên"), (top.ProductSummary.NameVi, top.NeedSummary.DeliveryDistrict));
        Assert.Equal((1L, 1L, TestData.Today), (top.ProductVersion, top.NeedVersion, top.MatchedOn));
    }

    [Fact]
    public async Task Need_keywords_match_product_text_without_diacritics_and_in_english()
    {
        var market = TestData.NewMarket();
        var need = market.Need(title: "Bao bì cho siêu thị") with { Keywords = ["tui tu huy", "corn starch bags"] };
        var product = market.Bag();
        await factory.SeedAndMatchNeedAsync(need, product);

        var match = Assert.Single(await MatchesOfNeedAsync(need.NeedId));
        Assert.Contains("có nhắc đến “tui tu huy”, “corn starch bags”", match.Reasons);
        Assert.Equal(0.6, match.Breakdown.Single(b => b.Criterion == "textRelevance").Value, 1);
    }

    [Fact]
    public async Task Rematching_a_need_keeps_match_ids_and_announces_nothing_new()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var (a, b) = (market.Bag(), market.Bag());
        await factory.SeedAndMatchNeedAsync(need, a, b);
        var before = (await MatchesOfNeedAsync(need.NeedId)).ToDictionary(m => m.ProductId, m => m.Id);

        var again = await WithEngineAsync(e => e.MatchNeedAsync(need.NeedId, default));

        Assert.Empty(again.Added);
        Assert.Equal(2, again.Updated);
        Assert.Equal(before, (await MatchesOfNeedAsync(need.NeedId)).ToDictionary(m => m.ProductId, m => m.Id));
    }

    [Fact]
    public async Task A_need_keeps_at_most_the_configured_number_of_best_matches()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var products = Enumerable.Range(0, 4).Select(i => market.Bag() with { LeadTimeDays = i }).ToArray();
        await SeedAsync(products);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(need, 1, default));

        var run = await WithEngineAsync(e => e.MatchNeedAsync(need.NeedId, default), maxMatches: 2);

        Assert.Equal((4, 2), (run.Qualified, run.Added.Count));
        Assert.Equal([products[0].ProductId, products[1].ProductId], (await MatchesOfNeedAsync(need.NeedId)).Select(m => m.ProductId));
    }

    [Fact]
    public async Task A_new_product_is_matched_against_every_open_need_and_enters_a_full_need_only_by_beating_its_weakest()
    {
        var market = TestData.NewMarket();
        var (open, other, closed) = (market.Need(), market.Need(), market.Need() with { Status = "closed" });
        var (weak, strong) = (market.Bag() with { LeadTimeDays = 13, Packaging = "conventional" }, market.Bag());
        await factory.SeedAndMatchNeedAsync(open, weak);
        await factory.SeedAndMatchNeedAsync(other);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(closed, 1, default));
        await SeedAsync(strong);

        var run = await WithEngineAsync(e => e.MatchProductAsync(strong.ProductId, default), maxMatches: 1);

        Assert.Equal(new[] { open.NeedId, other.NeedId }.Order(), run.Added.Select(a => a.NeedId).Order());
        Assert.Equal([strong.ProductId], (await MatchesOfNeedAsync(open.NeedId)).Select(m => m.ProductId));
        Assert.Empty(await MatchesOfNeedAsync(closed.NeedId));

        // The weak product, rematched, cannot push the strong one out again.
        var rerun = await WithEngineAsync(e => e.MatchProductAsync(weak.ProductId, default), maxMatches: 1);
        Assert.Empty(rerun.Added);
        Assert.Equal([strong.ProductId], (await MatchesOfNeedAsync(open.NeedId)).Select(m => m.ProductId));
    }

    [Fact]
    public async Task A_lapsed_required_certificate_removes_the_match_and_a_lapsed_preferred_one_demotes_it()
    {
        var market = TestData.NewMarket();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var required = market.Need();
        var preferring = market.Need() with { RequiredSchemes = [], PreferredSchemes = ["VN_GREEN_LABEL"] };
        var product = market.Bag(certificates: TestData.Certificate(untilDays: 10));
        await factory.SeedAndMatchNeedAsync(required, product);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(preferring, 1, default));
        await WithEngineAsync(e => e.MatchNeedAsync(preferring.NeedId, default), clock);
        var before = Assert.Single(await MatchesOfNeedAsync(preferring.NeedId));

        clock.Advance(TimeSpan.FromDays(11));
        var run = await WithEngineAsync(e => e.MatchProductAsync(product.ProductId, default), clock);

        Assert.Single(run.Removed);
        Assert.Empty(await MatchesOfNeedAsync(required.NeedId));
        var after = Assert.Single(await MatchesOfNeedAsync(preferring.NeedId));
        Assert.Equal(before.Id, after.Id);
        Assert.True(after.Score < before.Score, $"{after.Score} >= {before.Score}");
        Assert.Contains("không có chứng nhận ưu tiên VN_GREEN_LABEL", after.Misses);
        Assert.Equal(clock.Today(), after.MatchedOn);
    }

    [Fact]
    public async Task Withdrawing_a_product_removes_its_open_matches_and_an_older_update_does_not_revive_it()
    {
        var market = TestData.NewMarket();
        var need = market.Need();
        var product = market.Bag();
        await factory.SeedAndMatchNeedAsync(need, product);

        var removed = await factory.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ReadModelWriter>().WithdrawProductAsync(product.ProductId, product.SupplierId, 3, default);
            return await sp.GetRequiredService<MatchEngine>().RemoveProductAsync(product.ProductId, default);
        });
        var revived = await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertProductAsync(product, 2, default));
        var rematch = await WithEngineAsync(e => e.MatchNeedAsync(need.NeedId, default));

        Assert.Equal(1, removed);
        Assert.False(revived);
        Assert.Empty(rematch.Added);
        Assert.Empty(await MatchesOfNeedAsync(need.NeedId));
    }

    [Fact]
    public async Task The_daily_revalidation_rematches_products_whose_certificates_lapse_that_day()
    {
        var market = TestData.NewMarket();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var need = market.Need();
        var lapsing = market.Bag(certificates: TestData.Certificate(untilDays: 3));
        var lasting = market.Bag(certificates: TestData.Certificate(untilDays: 300));
        await factory.SeedAndMatchNeedAsync(need, lapsing, lasting);
        var job = ActivatorUtilities.CreateInstance<Jobs.MatchRevalidationJob>(factory.Services, clock);

        clock.Advance(TimeSpan.FromDays(2));
        await job.RunOnceAsync(default);
        Assert.Equal(2, (await MatchesOfNeedAsync(need.NeedId)).Count);

        clock.Advance(TimeSpan.FromDays(2));
        var rematched = await job.RunOnceAsync(default);
        Assert.True(rematched >= 1);
        Assert.Equal([lasting.ProductId], (await MatchesOfNeedAsync(need.NeedId)).Select(m => m.ProductId));
        Assert.Equal(0, await job.RunOnceAsync(default)); // each product rematched moved on to its next change
    }

    [Fact]
    public async Task The_sql_ranking_bound_equals_the_engine_score_and_only_exceeds_it_for_certificates_out_of_their_dates()
    {
        var market = TestData.NewMarket();
        var random = new Random(7);
        string[] packagings = ["plastic-free", "reusable", "compostable", "biodegradable", "recycled", "conventional"];
        var products = Enumerable.Range(0, 40).Select(i => market.Bag(site: (21.0 + random.NextDouble() * 0.2, 105.8 + random.NextDouble() * 0.2),
            certificates: [TestData.Certificate(), TestData.Certificate(i % 2 == 0 ? "FSC" : "ISO_14001", untilDays: i % 3 == 0 ? -1 : 100,
                verification: i % 5 == 0 ? "registry-verified" : "self-declared")]) with
        {
            Packaging = packagings[i % 6], SupplierVerified = i % 2 == 0, LeadTimeDays = random.Next(40),
            NameVi = i % 4 == 0 ? "Túi tự hủy" : "Hộp giấy", PriceTiers = [new(1_000, 1_150), new(15_000 + i * 100, 600 + i * 10)],
        }).ToArray();
        var need = market.Need() with { PreferredSchemes = ["FSC", "ISO_14001"], Packaging = ["plastic-free", "recycled"], MaxLeadTimeDays = 20 };
        await factory.SeedAndMatchNeedAsync(need, products);
        var facts = NeedFacts.From(need, 1);

        var page = await factory.InScopeAsync(sp => ProductCandidates.PageAsync(
            sp.GetRequiredService<Matchmaking.Matching.Data.MatchingDbContext>(), facts, TestData.Today, 0, 100, default));

        Assert.Equal(40, page.Count);
        Assert.Equal(page.OrderByDescending(c => c.Bound).Select(c => c.Bound), page.Select(c => c.Bound));
        foreach (var candidate in page)
        {
            var score = MatchCriteria.Evaluate(candidate.Product, facts, candidate.Hits, TestData.Today).Score;
            var lapsed = candidate.Product.Certificates.Any(c => !c.CountsOn(TestData.Today));
            if (lapsed) Assert.True(candidate.Bound >= score - ScoreBound.Tolerance, $"{candidate.Bound} < {score}");
            else Assert.InRange(candidate.Bound - score, -ScoreBound.Tolerance, ScoreBound.Tolerance);
        }
    }

    [Fact]
    public async Task Candidates_are_read_page_after_page_until_none_left_could_beat_the_kept_matches()
    {
        var market = TestData.NewMarket();
        // 210 products rank first by the SQL bound, which sees only their lowest tier price (950), but at the need's 20,000 a
        // month they cost 1,300, over the 1,200 ceiling; the one valid product ranks last.
        var dear = Enumerable.Range(0, 210).Select(_ => market.Bag(site: TestData.LongBien) with { PriceTiers = [new(5_000, 1_300), new(50_000, 950)] }).ToArray();
        var valid = market.Bag(site: TestData.SonTay) with { Packaging = "conventional", SupplierVerified = false, LeadTimeDays = 30 };
        var need = market.Need();
        await SeedAsync([.. dear, valid]);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(need, 1, default));

        var run = await WithEngineAsync(e => e.MatchNeedAsync(need.NeedId, default), maxMatches: 1);

        Assert.Equal((211, 1), (run.Candidates, run.Qualified));
        Assert.Equal([valid.ProductId], (await MatchesOfNeedAsync(need.NeedId)).Select(m => m.ProductId));
    }

    [Fact]
    public async Task Products_whose_required_certificate_lapsed_are_left_out_before_ranking()
    {
        var market = TestData.NewMarket();
        var lapsed = Enumerable.Range(0, 30).Select(_ => market.Bag(site: TestData.LongBien, certificates: TestData.Certificate(untilDays: -1))).ToArray();
        var notYet = market.Bag(site: TestData.LongBien, certificates: TestData.Certificate(fromDays: 2, untilDays: 300));
        var valid = market.Bag(site: TestData.SonTay);
        var need = market.Need();
        await SeedAsync([.. lapsed, notYet, valid]);
        await factory.InScopeAsync(sp => sp.GetRequiredService<ReadModelWriter>().UpsertNeedAsync(need, 1, default));

        var run = await WithEngineAsync(e => e.MatchNeedAsync(need.NeedId, default));

        Assert.Equal((1, 1), (run.Candidates, run.Qualified));
        Assert.Equal([valid.ProductId], (await MatchesOfNeedAsync(need.NeedId)).Select(m => m.ProductId));
    }
}
