using Inbox.Contracts.Audit;
using Inbox.Contracts.Security;
using Inbox.Gateway.Audit;

namespace Inbox.Gateway.Tests.Audit;

public sealed class AuditCsvTests
{
    [Fact]
    public void A_row_quotes_what_needs_quoting_and_defuses_spreadsheet_formulas()
    {
        var record = new AuditRecord(
            new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero), CallerKind.User, "u_1", "=HYPERLINK(\"http://evil\")", "10.0.0.1",
            "user.changed", "user", "u_2", """{"name":"A, B"}""", null);
        var row = AuditCsv.Row(new AuditEntry("demo:20261125:0", 7, record, "abc"));

        Assert.Equal(
            "2026-11-25T17:00:00.0000000+00:00,user,u_1,\"'=HYPERLINK(\"\"http://evil\"\")\",10.0.0.1,user.changed,user,u_2,\"{\"\"name\"\":\"\"A, B\"\"}\",,demo:20261125:0,7,abc",
            row);
        Assert.Equal(13, AuditCsv.Header.Split(',').Length);
    }
}
