using PlaceSimulation.Model.Calendar;
using PlaceSimulation.Model.Households;
using PlaceSimulation.Model.Parameters;
using PlaceSimulation.Model.Places;
using PlaceSimulation.Model.Services;
using PlaceSimulation.Model.Simulation;

namespace PlaceSimulation.Grains.Serialization;

// The model core has no Orleans reference, so its types cross grain
// boundaries through these surrogates: plain [GenerateSerializer] structs with converters.
// Parameters and signals travel as flat vectors in the schema's fixed order.

[GenerateSerializer, Immutable, Alias("ps.YearMonth")]
public readonly record struct YearMonthSurrogate([property: Id(0)] int Ordinal);

[RegisterConverter]
public sealed class YearMonthConverter : IConverter<YearMonth, YearMonthSurrogate>
{
    public YearMonth ConvertFromSurrogate(in YearMonthSurrogate s) => YearMonth.FromOrdinal(s.Ordinal);
    public YearMonthSurrogate ConvertToSurrogate(in YearMonth v) => new(v.Ordinal);
}

[GenerateSerializer, Immutable, Alias("ps.ModelParameters")]
public readonly record struct ModelParametersSurrogate([property: Id(0)] double[] Values);

[RegisterConverter]
public sealed class ModelParametersConverter : IConverter<ModelParameters, ModelParametersSurrogate>
{
    public ModelParameters ConvertFromSurrogate(in ModelParametersSurrogate s) => ParameterSchema.Instance.FromVector(s.Values);
    public ModelParametersSurrogate ConvertToSurrogate(in ModelParameters v) => new(ParameterSchema.Instance.ToVector(v));
}

[GenerateSerializer, Immutable, Alias("ps.PlaceSignals")]
public readonly record struct PlaceSignalsSurrogate([property: Id(0)] double[] Values);

[RegisterConverter]
public sealed class PlaceSignalsConverter : IConverter<PlaceSignals, PlaceSignalsSurrogate>
{
    public PlaceSignals ConvertFromSurrogate(in PlaceSignalsSurrogate s) => PlaceSignals.FromVector(s.Values);
    public PlaceSignalsSurrogate ConvertToSurrogate(in PlaceSignals v) => new(v.ToVector());
}

[GenerateSerializer, Immutable, Alias("ps.ParameterChange")]
public readonly record struct ParameterChangeSurrogate(
    [property: Id(0)] string Path, [property: Id(1)] int FromMonth, [property: Id(2)] ChangeOp Op,
    [property: Id(3)] double Value, [property: Id(4)] string? Place, [property: Id(5)] int Sequence, [property: Id(6)] string Policy);

[RegisterConverter]
public sealed class ParameterChangeConverter : IConverter<ParameterChange, ParameterChangeSurrogate>
{
    public ParameterChange ConvertFromSurrogate(in ParameterChangeSurrogate s) => new(s.Path, s.FromMonth, s.Op, s.Value, s.Place, s.Sequence, s.Policy);
    public ParameterChangeSurrogate ConvertToSurrogate(in ParameterChange v) => new(v.Path, v.FromMonth, v.Op, v.Value, v.Place, v.Sequence, v.Policy);
}

[GenerateSerializer, Immutable, Alias("ps.PlaceSpec")]
public readonly record struct PlaceSpecSurrogate(
    [property: Id(0)] string Id, [property: Id(1)] string Label, [property: Id(2)] ModelParameters BaseParameters, [property: Id(3)] int SimulatedHouseholds,
    [property: Id(4)] string? StreamId);

[RegisterConverter]
public sealed class PlaceSpecConverter : IConverter<PlaceSpec, PlaceSpecSurrogate>
{
    public PlaceSpec ConvertFromSurrogate(in PlaceSpecSurrogate s) => new(s.Id, s.Label, s.BaseParameters, s.SimulatedHouseholds, s.StreamId);
    public PlaceSpecSurrogate ConvertToSurrogate(in PlaceSpec v) => new(v.Id, v.Label, v.BaseParameters, v.SimulatedHouseholds, v.StreamId);
}

[GenerateSerializer, Immutable, Alias("ps.PlaceJob")]
public readonly record struct PlaceJobSurrogate(
    [property: Id(0)] int Arm, [property: Id(1)] int Replication, [property: Id(2)] int PlaceIndex, [property: Id(3)] PlaceSpec Place,
    [property: Id(4)] YearMonth Start, [property: Id(5)] int Months, [property: Id(6)] int BurnInMonths, [property: Id(7)] ulong Seed,
    [property: Id(8)] ParameterChange[] Changes, [property: Id(9)] int HouseholdsPerGrain);

[RegisterConverter]
public sealed class PlaceJobConverter : IConverter<PlaceJob, PlaceJobSurrogate>
{
    public PlaceJob ConvertFromSurrogate(in PlaceJobSurrogate s) =>
        new(s.Arm, s.Replication, s.PlaceIndex, s.Place, s.Start, s.Months, s.BurnInMonths, s.Seed, s.Changes, s.HouseholdsPerGrain);
    public PlaceJobSurrogate ConvertToSurrogate(in PlaceJob v) =>
        new(v.Arm, v.Replication, v.PlaceIndex, v.Place, v.Start, v.Months, v.BurnInMonths, v.Seed, v.Changes.ToArray(), v.HouseholdsPerGrain);
}

[GenerateSerializer, Immutable, Alias("ps.MonthContext")]
public readonly record struct MonthContextSurrogate(
    [property: Id(0)] int Month, [property: Id(1)] YearMonth Calendar, [property: Id(2)] ModelParameters Parameters,
    [property: Id(3)] PlaceSignals Signals, [property: Id(4)] ulong ReplicationKey, [property: Id(5)] ulong PlaceKey, [property: Id(6)] double Weight);

[RegisterConverter]
public sealed class MonthContextConverter : IConverter<MonthContext, MonthContextSurrogate>
{
    public MonthContext ConvertFromSurrogate(in MonthContextSurrogate s) => new(s.Month, s.Calendar, s.Parameters, s.Signals, s.ReplicationKey, s.PlaceKey, s.Weight);
    public MonthContextSurrogate ConvertToSurrogate(in MonthContext v) => new(v.Month, v.Calendar, v.Parameters, v.Signals, v.ReplicationKey, v.PlaceKey, v.Weight);
}

[GenerateSerializer, Immutable, Alias("ps.BlockRequests")]
public readonly record struct BlockRequestsSurrogate(
    [property: Id(0)] int[] Offsets, [property: Id(1)] int[] Households, [property: Id(2)] int[] Priorities, [property: Id(3)] int OnCaseload);

[RegisterConverter]
public sealed class BlockRequestsConverter : IConverter<BlockRequests, BlockRequestsSurrogate>
{
    public BlockRequests ConvertFromSurrogate(in BlockRequestsSurrogate s) => new(s.Offsets, s.Households, s.Priorities, s.OnCaseload);
    public BlockRequestsSurrogate ConvertToSurrogate(in BlockRequests v) => new(v.Offsets, v.Households, v.Priorities, v.OnCaseload);
}

[GenerateSerializer, Immutable, Alias("ps.BlockGrants")]
public readonly record struct BlockGrantsSurrogate([property: Id(0)] int[] Households, [property: Id(1)] ushort[] Granted);

[RegisterConverter]
public sealed class BlockGrantsConverter : IConverter<BlockGrants, BlockGrantsSurrogate>
{
    public BlockGrants ConvertFromSurrogate(in BlockGrantsSurrogate s) => new(s.Households, s.Granted);
    public BlockGrantsSurrogate ConvertToSurrogate(in BlockGrants v) => new(v.Households, v.Granted);
}

[GenerateSerializer, Immutable, Alias("ps.ServiceDecision")]
public readonly record struct ServiceDecisionSurrogate(
    [property: Id(0)] ServiceKind Service, [property: Id(1)] int[] Granted, [property: Id(2)] int Demand, [property: Id(3)] double Capacity);

[RegisterConverter]
public sealed class ServiceDecisionConverter : IConverter<ServiceDecision, ServiceDecisionSurrogate>
{
    public ServiceDecision ConvertFromSurrogate(in ServiceDecisionSurrogate s) => new(s.Service, s.Granted, s.Demand, s.Capacity);
    public ServiceDecisionSurrogate ConvertToSurrogate(in ServiceDecision v) => new(v.Service, v.Granted, v.Demand, v.Capacity);
}
