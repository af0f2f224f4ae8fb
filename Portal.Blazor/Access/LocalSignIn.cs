using System.Globalization;
using System.Security.Claims;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>The outcome of a sign-in with a local account.</summary>
/// <param name="Principal">The signed-in user when the sign-in succeeded; otherwise null.</param>
/// <param name="Error">Why it failed, in words for the person at the form; null on success.</param>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, string? Error)
{
    /// <summary>True when the password was right and the account may sign in.</summary>
    public bool Succeeded => Principal is not null;
}

/// <summary>
/// Checks a local account's password (PBKDF2 through ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>),
/// counts failures, locks the account after <see cref="AccessOptions.MaxFailedSignIns"/> of them, and audits
/// every attempt.
/// </summary>
public sealed partial class LocalSignIn(
    UserStore users,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AccessOptions> options,
    AuditLog audit,
    TimeProvider time,
    ILogger<LocalSignIn> logger)
{
    /// <summary>What the form says for an unknown user or a wrong password (the same words, so as not to reveal which).</summary>
    public const string WrongCredentials = "The user name or password is wrong.";

    // Verified against when the user is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string UnknownUserHash = new PasswordHasher<UserAccount>().HashPassword(null!, "no such user: a fixed decoy password");

    /// <summary>Tries to sign in; never throws for bad credentials.</summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome(null, "Enter a user name and a password.");
        }

        var now = time.GetUtcNow();
        var account = await users.FindAsync(userName, cancellationToken);
        if (account is null || account.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(null!, UnknownUserHash, password);
            await audit.RecordForAsync(userName, AuditActions.SignInFailed, detail: account is null ? "unknown user" : "account signs in through the identity provider", cancellationToken: cancellationToken);
            return new SignInOutcome(null, WrongCredentials);
        }

        if (!account.IsActive)
        {
            await audit.RecordForAsync(account.UserName, AuditActions.SignInDisabled, cancellationToken: cancellationToken);
            return new SignInOutcome(null, "This account is disabled. Ask an administrator.");
        }

        if (account.IsLockedAt(now))
        {
            await audit.RecordForAsync(account.UserName, AuditActions.SignInLockedOut, detail: $"locked until {Utc(account.LockedUntil!.Value)}", cancellationToken: cancellationToken);
            return new SignInOutcome(null, Locked(account.LockedUntil!.Value));
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var lockUntil = now.AddMinutes(settings.LockoutMinutes);
            var locked = await users.RecordFailedSignInAsync(account.Id, settings.MaxFailedSignIns, lockUntil, cancellationToken);
            await audit.RecordForAsync(account.UserName, AuditActions.SignInFailed, detail: "wrong password", cancellationToken: cancellationToken);
            if (!locked)
            {
                return new SignInOutcome(null, WrongCredentials);
            }

            LogLockedOut(account.UserName, settings.MaxFailedSignIns, lockUntil);
            await audit.RecordForAsync(account.UserName, AuditActions.AccountLocked, account.UserName, $"{settings.MaxFailedSignIns} failed sign-ins; locked until {Utc(lockUntil)}", cancellationToken);
            return new SignInOutcome(null, Locked(lockUntil));
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(account.Id, hasher.HashPassword(account, password), cancellationToken);
        }
        else if (account.FailedSignIns > 0 || account.LockedUntil is not null)
        {
            await users.ClearLockoutAsync(account.Id, cancellationToken);
        }

        await audit.RecordForAsync(account.UserName, AuditActions.SignIn, detail: "local account", cancellationToken: cancellationToken);
        return new SignInOutcome(PortalClaims.For(account), null);
    }

    private static string Locked(DateTimeOffset until) =>
        $"This account is locked after too many failed sign-ins until {Utc(until)}. Try again then, or ask an administrator to unlock it.";

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserName} locked after {Failures} failed sign-ins, until {Until}")]
    private partial void LogLockedOut(string userName, int failures, DateTimeOffset until);
}
