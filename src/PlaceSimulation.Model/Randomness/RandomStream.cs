namespace PlaceSimulation.Model.Randomness;

/// <summary>
/// Named streams of random numbers. Each draw is a function of (seed, replication, entity,
/// month, stream), so adding a stream never shifts the numbers another stream sees.
/// Values are part of the file format of a run: never renumber, only append.
/// </summary>
public enum RandomStream : uint
{
    Population = 1,
    PopulationAdult2 = 2,
    PopulationWage = 3,
    PopulationRent = 4,
    PopulationNeeds = 5,
    PopulationTrust = 6,
    PopulationTakeUp = 7,
    PopulationExtra = 8,

    JobLoss1 = 20,
    JobLoss2 = 21,
    JobFind1 = 22,
    JobFind2 = 23,
    HoursChange = 24,
    JobLoss3 = 25,
    JobFind3 = 26,

    PhysicalHealthShock = 30,
    PhysicalHealthRecovery = 31,
    MentalHealthShock = 32,
    WaitingDeterioration = 35,
    IsolationShock = 33,
    LifeEvent = 34,

    TakeUp = 40,
    Sanction = 41,
    Advance = 43,
    SanctionLength = 42,

    HelpSeekIncome = 50,
    HelpSeekDebt = 51,
    HelpSeekHousing = 52,
    HelpSeekPhysical = 53,
    HelpSeekMental = 54,
    HelpSeekIsolation = 55,
    HelpSeekCrisis = 56,
    HelpSeekWork = 57,
    HelpSeekRelational = 58,
    WrongDoor = 59,
    ReferralLeak = 60,
    QueueDropout = 66,

    Arrears = 61,
    Eviction = 62,
    Rehousing = 63,
    CouncilTaxEscalation = 64,
    Borrowing = 65,

    ServiceOutcome = 70,
    TieBreak = 80,

    ChildBirth = 90,
    ChildLeaves = 91,
}
