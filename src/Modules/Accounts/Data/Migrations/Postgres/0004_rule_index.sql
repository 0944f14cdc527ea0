-- The clerk lists moderation actions citing one rule (candidate posting) in a nomination period.

CREATE INDEX "IX_accounts_moderation_actions_MunicipalityId_RuleCode_Occurre~" ON accounts_moderation_actions ("MunicipalityId", "RuleCode", "OccurredAt");
