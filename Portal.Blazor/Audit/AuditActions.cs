namespace Katalyst.Portal.Audit;

/// <summary>
/// The names of audited actions, as stored in <c>audit_log.action</c>. Features record through
/// <see cref="AuditLog.RecordAsync"/> with one of these; auditors search by them.
/// </summary>
public static class AuditActions
{
    /// <summary>A person signed in.</summary>
    public const string SignIn = "signin";

    /// <summary>A sign-in failed: unknown user or wrong password (detail says which).</summary>
    public const string SignInFailed = "signin.failed";

    /// <summary>A sign-in was refused because the account is locked out.</summary>
    public const string SignInLockedOut = "signin.locked-out";

    /// <summary>A sign-in was refused because the account is disabled.</summary>
    public const string SignInDisabled = "signin.disabled";

    /// <summary>Too many failed sign-ins locked the account.</summary>
    public const string AccountLocked = "account.locked";

    /// <summary>A person signed out.</summary>
    public const string SignOut = "signout";

    /// <summary>An administrator created an account (target: the user name).</summary>
    public const string UserCreated = "user.created";

    /// <summary>An administrator changed an account's roles.</summary>
    public const string UserRolesChanged = "user.roles-changed";

    /// <summary>An administrator moved an account to another unit.</summary>
    public const string UserUnitChanged = "user.unit-changed";

    /// <summary>An administrator disabled an account.</summary>
    public const string UserDisabled = "user.disabled";

    /// <summary>An administrator enabled an account.</summary>
    public const string UserEnabled = "user.enabled";

    /// <summary>An administrator set a new password for an account.</summary>
    public const string UserPasswordReset = "user.password-reset";

    /// <summary>An administrator lifted an account's lockout.</summary>
    public const string UserUnlocked = "user.unlocked";

    /// <summary>An administrator created a unit (target: the unit code).</summary>
    public const string UnitCreated = "unit.created";

    /// <summary>An administrator renamed a unit.</summary>
    public const string UnitRenamed = "unit.renamed";

    /// <summary>An administrator added a routing rule (target: the place; detail: the unit).</summary>
    public const string RoutingRuleAdded = "routing-rule.added";

    /// <summary>An administrator removed a routing rule (target: the place; detail: the unit).</summary>
    public const string RoutingRuleRemoved = "routing-rule.removed";

    /// <summary>A package or batch was uploaded for import (target: the file name; detail: where it is kept).</summary>
    public const string IntakeUploaded = "intake.uploaded";

    /// <summary>The supervisor's tier rules were replaced (detail: the new rules' fingerprint).</summary>
    public const string TierRulesChanged = "tier-rules.changed";

    /// <summary>The demo units and accounts were created at start-up.</summary>
    public const string DemoAccountsCreated = "demo.accounts-created";

    /// <summary>A referral page was opened (target: the report id).</summary>
    public const string ReferralOpened = "referral.opened";

    /// <summary>A subject page was opened (target: the subject id; detail: how many referrals were shown and held elsewhere).</summary>
    public const string SubjectOpened = "subject.opened";

    /// <summary>A media preview was revealed (target: report id and file id).</summary>
    public const string MediaRevealed = "media.revealed";

    /// <summary>A revealed file was blurred again, which withdraws the reveal (target: report id and file id).</summary>
    public const string MediaRevealWithdrawn = "media.reveal-withdrawn";

    /// <summary>A referral's status changed (detail: from and to, with the reason).</summary>
    public const string StatusChanged = "referral.status-changed";

    /// <summary>A referral was assigned to a person or unit.</summary>
    public const string Assigned = "referral.assigned";

    /// <summary>A referral's tier was overridden (detail: from, to, reason).</summary>
    public const string TierOverridden = "referral.tier-overridden";

    /// <summary>A referral's tier override was cleared (detail: the tier cleared and the reason).</summary>
    public const string TierOverrideCleared = "referral.tier-override-cleared";

    /// <summary>A note was added to a referral (target: the report id; detail: its length, never its text).</summary>
    public const string NoteAdded = "referral.note-added";

    /// <summary>A supervisor recorded legal authority to view a referral's unviewed files.</summary>
    public const string LegalAuthorityRecorded = "referral.legal-authority-recorded";

    /// <summary>A person sent a referral whose scoring was given up back to the scoring outbox.</summary>
    public const string ScoringRetried = "scoring.retried";

    /// <summary>Referrals or files were exported.</summary>
    public const string Exported = "export";

    /// <summary>Every action name, for the audit page's filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, SignInLockedOut, SignInDisabled, AccountLocked, SignOut,
        UserCreated, UserRolesChanged, UserUnitChanged, UserDisabled, UserEnabled, UserPasswordReset, UserUnlocked,
        UnitCreated, UnitRenamed, RoutingRuleAdded, RoutingRuleRemoved, DemoAccountsCreated,
        ReferralOpened, SubjectOpened, MediaRevealed, StatusChanged, Assigned, TierOverridden, NoteAdded, LegalAuthorityRecorded, Exported,
        ScoringRetried,
    ];
}
