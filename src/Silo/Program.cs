using Inbox.Hosting;
using Inbox.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddInboxSilo();

var app = builder.Build();
app.MapInboxHealth();
app.Run();
