/// Every rule, most important first (the order decides the "three most important things").
///
/// A test checks this list against the files in `Rules/`.
public enum DocumentRules {
    public static let all: [any DocumentRule.Type] = [
        PlaceholderRule.self, PrivacyBSNRule.self, PrivacyIBANRule.self, PrivacyIDNumberRule.self,
        ContactPhoneRule.self, ContactEmailRule.self, UnprofessionalEmailRule.self,
        DuplicateLetterRule.self, StandardLetterRule.self, SalutationRule.self,
        CompanyRule.self, RoleRule.self, NegativeMotivationRule.self, RegisterRule.self,
        SpellingRule.self, CapitalsRule.self,
        KeyTermsRule.self, CVLengthRule.self, LetterLengthRule.self,
        EmploymentGapRule.self, ExperienceOrderRule.self, SectionOrderRule.self, OverlapRule.self,
        ShortJobsRule.self,
        ProfileRule.self, OpenerRule.self, ClosingRule.self, IkSentencesRule.self,
        DutiesRule.self, CertificatesRule.self, AvailabilityRule.self, ContactPlaceRule.self,
        PrivacyBirthDateRule.self, PrivacyNationalityRule.self, PrivacyMaritalStatusRule.self,
        PrivacyHealthRule.self, PrivacyPhotoRule.self,
        BenefitMentionRule.self, CVClichesRule.self, LetterClichesRule.self,
        SentenceLengthRule.self, RepeatedWordRule.self,
    ]

    public static func rule(id: String) -> (any DocumentRule.Type)? {
        all.first { $0.description.id == id }
    }
}
