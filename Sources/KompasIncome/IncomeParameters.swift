import KompasRules

/// Every parameter of the income engine, for the registry (`kompas regels`) and the lint.
public enum IncomeParameters {
    public static let descriptors: [ParameterDescriptor] =
        NormParameters.descriptors + Vermogensgrens.descriptors + ExemptionParameters.descriptors
        + MinimumWageParameters.descriptors + TaxParameters.descriptors
}
