using PlaceSimulation.Reports.Offset;
using PlaceSimulation.Reports.Tables;
using PlaceSimulation.Scenarios;

namespace PlaceSimulation.Reports.Compare;

/// <summary>One scenario of a comparison, run in full: its name in the comparison (unique), its results and its offset analysis if it has a design.</summary>
public sealed record ComparedRun(string Name, Scenario Scenario, ResultTable Table, OffsetAnalysis? Offset)
{
    /// <summary>The arm each other arm is compared with: the scenario's <c>reference:</c> arm (default its first arm; 'neither' in an offset design).</summary>
    public int ReferenceArm => Scenario.ReferenceIndex;
}
