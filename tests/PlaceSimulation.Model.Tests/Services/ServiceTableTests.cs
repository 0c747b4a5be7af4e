using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Metrics;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Tests.Services;

/// <summary>The table of services (<see cref="ServiceKinds.Definitions"/>) is whole and consistent.</summary>
public class ServiceTableTests
{
    public static TheoryData<ServiceKind> Kinds() => new(ServiceKinds.All);

    [Fact]
    public void The_table_has_one_record_per_service_indexed_by_its_number()
    {
        Assert.Equal(Enum.GetValues<ServiceKind>().Length, ServiceKinds.Definitions.Length);
        Assert.Equal(ServiceKinds.Count, ServiceKinds.Definitions.Length);
        for (var i = 0; i < ServiceKinds.Definitions.Length; i++) Assert.Equal((ServiceKind)i, ServiceKinds.Definitions[i].Kind);
        Assert.Equal(ServiceKinds.Definitions.Length, ServiceKinds.Definitions.Select(d => d.Name).Distinct().Count());
        Assert.Equal(ServiceKinds.Definitions.Length, ServiceKinds.Definitions.Select(d => d.EffectOrder).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_service_has_its_parameters_in_the_catalogue_and_the_selector_reads_them(ServiceKind kind)
    {
        var d = ServiceKinds.Of(kind);
        Assert.Matches("^[a-z_]+$", d.Name);
        Assert.False(string.IsNullOrWhiteSpace(d.Label));
        Assert.False(string.IsNullOrWhiteSpace(d.HelpDescription));
        Assert.True(ParameterSchema.Instance.TryGet(d.FundingParameterPath, out _), $"{d.Name}: no funding parameter {d.FundingParameterPath}");
        var p = new ModelParameters();
        var value = 1000.0;
        foreach (var leaf in new[] { "budget_gbp_month_per_1000", "cost_per_contact_gbp", "effect" })
        {
            Assert.True(ParameterSchema.Instance.TryGet($"{d.ParameterPath}.{leaf}", out var l), $"{d.Name}: no parameter {d.ParameterPath}.{leaf}");
            l.Set(p, ++value);
        }
        // The record's selector reads the same parameters the scenario files name.
        var sp = d.Parameters(p.Local);
        Assert.Equal([1001.0, 1002.0, 1003.0], new[] { sp.BudgetGbpMonthPer1000, sp.CostPerContactGbp, sp.Effect });
        Assert.Same(sp, p.Local.For(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_service_has_its_four_counters_by_stable_name_and_its_metrics(ServiceKind kind)
    {
        var d = ServiceKinds.Of(kind);
        Assert.Equal("demand." + d.Name, Counter.Names[d.Counters.Demand]);
        Assert.Equal("served." + d.Name, Counter.Names[d.Counters.Served]);
        Assert.Equal("capacity_milli." + d.Name, Counter.Names[d.Counters.CapacityMilli]);
        Assert.Equal("queue." + d.Name, Counter.Names[d.Counters.Queue]);
        foreach (var m in new[] { "demand", "served", "capacity", "queue", "wait_months" })
            Assert.True(MetricCatalogue.ByName.ContainsKey($"{m}_{d.Name}"), $"no metric {m}_{d.Name}");
    }

    [Fact]
    public void Services_share_no_counter()
    {
        var all = ServiceKinds.Definitions.SelectMany(d => new[] { d.Counters.Demand, d.Counters.Served, d.Counters.CapacityMilli, d.Counters.Queue }).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, i => Assert.InRange(i, 0, Counter.Count - 1));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Properties_agree_with_one_another(ServiceKind kind)
    {
        var d = ServiceKinds.Of(kind);
        // Households ask for a voluntary service about a need: it must work on some domain.
        if (d.Voluntary) Assert.NotEqual(0, d.Domains);
        // A waiting list is a backlog; specialists keep one; a crisis-help service is one households ask for.
        if (d.WaitingList) Assert.True(d.Backlog);
        if (d.Specialist) Assert.True(d.WaitingList && d.Voluntary);
        if (d.MeetsCrisisRequest) Assert.True(d.Voluntary && d.CrisisService);
        // A caseworker works on every need and decides before the services it supersedes.
        if (d.HoldsCases) Assert.Equal((1 << NeedDomains.Count) - 1, d.Domains);
        if (d.SupersededByCaseworker)
            Assert.Contains(ServiceKinds.Definitions, c => c.HoldsCases && c.Round < d.Round);
        Assert.InRange(d.Round, 0, 1);
    }

    [Fact]
    public void Every_need_domain_has_a_specialist_door_that_works_on_it()
    {
        foreach (var nd in NeedDomains.All)
        {
            var s = ServiceKinds.Of(ServiceKinds.SpecialistFor(nd));
            Assert.True(s.Specialist, $"{nd}: {s.Name} is not a specialist");
            Assert.NotEqual(0, s.Domains & (1 << (int)nd));
        }
        // The doors of the first model, unchanged.
        Assert.Equal(ServiceKind.Advice, ServiceKinds.SpecialistFor(NeedDomain.Income));
        Assert.Equal(ServiceKind.Advice, ServiceKinds.SpecialistFor(NeedDomain.Debt));
        Assert.Equal(ServiceKind.Housing, ServiceKinds.SpecialistFor(NeedDomain.Housing));
        Assert.Equal(ServiceKind.MentalHealth, ServiceKinds.SpecialistFor(NeedDomain.MentalHealth));
        Assert.Equal(ServiceKind.Vcse, ServiceKinds.SpecialistFor(NeedDomain.PhysicalHealth));
        Assert.Equal(ServiceKind.Vcse, ServiceKinds.SpecialistFor(NeedDomain.Isolation));
    }

    [Fact]
    public void Docs_describe_every_service_as_the_table_does()
    {
        var model = File.ReadAllText(RepositoryFiles.Path("docs", "MODEL.md"));
        foreach (var d in ServiceKinds.Definitions)
        {
            Assert.Contains($"| `{d.Name}` |", model);
            Assert.Contains(d.HelpDescription, model);
        }
    }
}

/// <summary>The counter layout only grows at the end: indices travel between grains and in journals.</summary>
public class CounterLayoutTests
{
    [Fact]
    public void Counters_keep_their_committed_indices_and_new_ones_are_listed()
    {
        var committed = File.ReadAllLines(RepositoryFiles.Path("tests", "PlaceSimulation.Model.Tests", "Services", "counter-layout.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var now = Counter.Names;
        for (var i = 0; i < Math.Min(committed.Length, now.Count); i++)
            Assert.True(committed[i] == now[i], $"counter {i} was '{committed[i]}' and is now '{now[i]}': counters are append-only (add new ones at the end)");
        Assert.True(now.Count >= committed.Length, $"{committed.Length - now.Count} committed counters were removed: counters are append-only");
        Assert.True(now.Count == committed.Length, $"new counters {string.Join(", ", now.Skip(committed.Length))}: append their names to counter-layout.txt");
        Assert.Equal(now.Count, now.Distinct().Count());
    }
}
