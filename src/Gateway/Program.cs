using Inbox.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddInboxGateway();

var app = builder.Build();
app.UseInboxGateway();
app.Run();

/// <summary>Visible to tests (WebApplicationFactory).</summary>
public partial class Program;
