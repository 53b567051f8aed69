namespace Matchmaking.ContractSigning.Data;

/// <summary>
/// What makes the audit trail append-only in the database itself, whatever code or person connects: a trigger that
/// refuses every UPDATE, DELETE and TRUNCATE of audit_entries. The hash chain then shows anything done around it
/// (a superuser can switch triggers off; the chain still records that the rows changed).
/// </summary>
public static class AuditTableSql
{
    public const string CreateTrigger = """
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'raise_exception';
        END;
        $$;
        CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string DropTrigger = """
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries;
        DROP TRIGGER IF EXISTS audit_entries_no_update_or_delete ON audit_entries;
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;
}
