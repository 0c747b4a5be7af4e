namespace PlaceSimulation.Model.Parameters;

/// <summary>How households behave and how needs evolve: mostly stated assumptions.</summary>
public sealed class BehaviourParameters
{
    public double HelpSeekingBase { get; set; }
    public double AskThreshold { get; set; }
    public double CrisisAskMultiplier { get; set; }
    public double CrisisDepthExponent { get; set; }
    public double MentalHealthWaitPriorityPerMonth { get; set; }
    public double SanctionCrisisReferralMonthly { get; set; }
    public double WaitingDeteriorationMonthly { get; set; }
    public double WaitingDeteriorationStep { get; set; }
    public double DiscouragedMonths { get; set; }
    public double TrustWeight { get; set; }
    public double InitialTakeUp { get; set; }
    public double TakeUpMonthly { get; set; }
    public double SavingsRate { get; set; }
    public double BorrowingLimitMonths { get; set; }
    public double ShortfallArrearsShare { get; set; }
    public double ShortfallBorrowedShare { get; set; }
    public double DebtRepaymentShare { get; set; }
    public double EvictionArrearsMonths { get; set; }
    public double EvictionMonthlyPrivate { get; set; }
    public double EvictionMonthlySocial { get; set; }
    public double RepossessionMonthly { get; set; }
    public double HomelessCostGbpMonth { get; set; }
    public double RehousingMonthly { get; set; }
    public double EvictionCostGbp { get; set; }
    public double WastedAssessmentCostGbp { get; set; }
    public double DebtDeductionShare { get; set; }
    public double MentalShockMonthly { get; set; }
    public double MentalRecoveryMonthly { get; set; }
    public double StressToMental { get; set; }
    public double IsolationToMental { get; set; }
    public double PhysicalShockMonthly { get; set; }
    public double PhysicalRecoveryMonthly { get; set; }
    public double IsolationDriftMonthly { get; set; }
    public double IsolationRecoveryMonthly { get; set; }
    public double TakeUpFullAmountGbpMonth { get; set; }
    public double MentalCrisisCostGbp { get; set; }
    public double RefusalTrustLoss { get; set; }
    public double SanctionTrustLoss { get; set; }
    public double SanctionMentalHealthHit { get; set; }
    public double EnforcementMentalHealthHit { get; set; }
    public double EnforcementTrustLoss { get; set; }
    public double HelpTrustGain { get; set; }
    public double TrustDriftMonthly { get; set; }
    public double QueueDropoutMonthly { get; set; }
    public double WrongDoorShare { get; set; }
    public double ReferralLeak { get; set; }
    public double HealthWorkPenalty { get; set; }
}

/// <summary>Feedback loops from 004_922d7395a269cc14.txt. Each can be switched off (0).</summary>
public sealed class FeedbackParameters
{
    public double BaseTurnoverAnnual { get; set; }
    public double MaxLoad { get; set; }
    public double EngagementAdjustMonthly { get; set; }
    public double CoProductionEngagementGain { get; set; }
    public double VcseRecoveryMonthly { get; set; }
    public double StaffEffectivenessFloor { get; set; }
    public double VcseCapacityFloor { get; set; }
    public double PressureTurnoverOn { get; set; }
    public double PressureNormal { get; set; }
    public double PressureTurnoverSensitivity { get; set; }
    public double TurnoverRecoveryMonthly { get; set; }
    public double DisengagementOn { get; set; }
    public double DisengagementSensitivity { get; set; }
    public double RefusalNormal { get; set; }
    public double VcseRelianceOn { get; set; }
    public double VcseBurnoutSensitivity { get; set; }
    public double VcseLoadNormal { get; set; }
    public double MoreForLessOn { get; set; }
    public double MoreForLessAnnual { get; set; }
}
