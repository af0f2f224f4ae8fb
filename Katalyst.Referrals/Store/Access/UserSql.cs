namespace Katalyst.Referrals.Store.Access;

/// <summary>The SQL behind <see cref="UserStore"/>.</summary>
internal static class UserSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string SelectAll = """
            SELECT u.id, u.user_name, u.display_name, u.password_hash, u.unit_id, n.name AS unit_name, u.is_active,
                   u.failed_sign_ins, u.locked_until, u.created_at
            FROM users u
            LEFT JOIN units n ON n.id = u.unit_id
            ORDER BY u.user_name
            """;

        public const string SelectByName = """
            SELECT u.id, u.user_name, u.display_name, u.password_hash, u.unit_id, n.name AS unit_name, u.is_active,
                   u.failed_sign_ins, u.locked_until, u.created_at
            FROM users u
            LEFT JOIN units n ON n.id = u.unit_id
            WHERE u.user_name = @UserName
            """;

        public const string SelectById = """
            SELECT u.id, u.user_name, u.display_name, u.password_hash, u.unit_id, n.name AS unit_name, u.is_active,
                   u.failed_sign_ins, u.locked_until, u.created_at
            FROM users u
            LEFT JOIN units n ON n.id = u.unit_id
            WHERE u.id = @UserId
            """;

        // An identity provider's person: by the provider's stable subject, or (first sign-in) by user name.
        public const string SelectLinkBySubject = """
            SELECT id, user_name, subject, password_hash FROM users WHERE subject = @Subject
            """;

        public const string SelectLinkByName = """
            SELECT id, user_name, subject, password_hash FROM users WHERE user_name = @UserName
            """;

        public const string UpdateProviderUser = """
            UPDATE users SET user_name = @UserName, subject = @Subject, display_name = @DisplayName, email = @Email WHERE id = @UserId
            """;

        public const string SelectAllRoles = """
            SELECT user_id, role FROM user_roles
            """;

        public const string SelectRoles = """
            SELECT user_id, role FROM user_roles WHERE user_id = @UserId
            """;

        public const string DeleteRoles = """
            DELETE FROM user_roles WHERE user_id = @UserId
            """;

        public const string InsertRole = """
            INSERT INTO user_roles (user_id, role) VALUES (@UserId, @Role)
            """;

        public const string UpdateUnit = """
            UPDATE users SET unit_id = @UnitId WHERE id = @UserId
            """;

        public const string UpdateActive = """
            UPDATE users SET is_active = @IsActive WHERE id = @UserId
            """;

        public const string UpdatePasswordHash = """
            UPDATE users SET password_hash = @PasswordHash, failed_sign_ins = 0, locked_until = NULL WHERE id = @UserId
            """;

        public const string IncrementFailedSignIns = """
            UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @UserId
            """;

        public const string SelectFailedSignIns = """
            SELECT failed_sign_ins FROM users WHERE id = @UserId
            """;

        public const string Lock = """
            UPDATE users SET failed_sign_ins = 0, locked_until = @LockedUntil WHERE id = @UserId
            """;

        public const string ClearLockout = """
            UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @UserId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string Insert = """
            INSERT INTO users (user_name, display_name, password_hash, unit_id, is_active, failed_sign_ins, locked_until, created_at)
            VALUES (@UserName, @DisplayName, @PasswordHash, @UnitId, 1, 0, NULL, @CreatedAt)
            RETURNING id
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string Insert = """
            INSERT INTO users (user_name, display_name, password_hash, unit_id, is_active, failed_sign_ins, locked_until, created_at)
            OUTPUT INSERTED.id
            VALUES (@UserName, @DisplayName, @PasswordHash, @UnitId, 1, 0, NULL, @CreatedAt)
            """;
    }
}
