using PlaceSimulation.Model.Services;

namespace PlaceSimulation.Model.Parameters;

/// <summary>
/// Local services and the local levers of systems change [Studdert, New Local; Jackson, CLES/JRF; JRF hardship series]. Budgets are per
/// 1,000 real households, so a preset's place size scales them; the model then scales the
/// place's capacity to its simulated sample.
/// </summary>
public sealed class LocalParameters
{
    public ServiceParameters Advice { get; set; } = new();
    public ServiceParameters Housing { get; set; } = new();
    public ServiceParameters MentalHealth { get; set; } = new();
    public ServiceParameters CrisisFund { get; set; } = new();
    public ServiceParameters Vcse { get; set; } = new();
    public ServiceParameters Relational { get; set; } = new();
    public ServiceParameters Jobcentre { get; set; } = new();
    public ServiceParameters CouncilTax { get; set; } = new();

    public SystemsChangeParameters SystemsChange { get; set; } = new();
    public CouncilTaxParameters CouncilTaxRules { get; set; } = new();

    /// <summary>A service's parameters (the selector in its <see cref="ServiceDefinition"/>).</summary>
    public ServiceParameters For(ServiceKind kind) => ServiceKinds.Of(kind).Parameters(this);
}

/// <summary>One local service: money (£ a month per 1,000 households of the place) becomes contacts; a contact lowers need in its domain.</summary>
public sealed class ServiceParameters
{
    public double BudgetGbpMonthPer1000 { get; set; }
    public double CostPerContactGbp { get; set; }
    public double Effect { get; set; }
}

/// <summary>The levers of local systems change.</summary>
public sealed class SystemsChangeParameters
{
    public double IntegratedFrontDoor { get; set; }
    public double PooledBudgetShare { get; set; }
    public double PooledBudgetAssessmentSaving { get; set; }
    public double SupportiveCouncilTax { get; set; }
    public double SingleCrisisFund { get; set; }
    public double SingleCrisisFundAdminSaving { get; set; }
    public double CommunityBudgets { get; set; }
    public double LocalJobsPerMonthPer10k { get; set; }
    public double RelationalCaseMonths { get; set; }
}

public sealed class CouncilTaxParameters
{
    public double ReductionShare { get; set; }
    public double SinglePersonDiscount { get; set; }
    public double EnforcementFeeGbp { get; set; }
}
