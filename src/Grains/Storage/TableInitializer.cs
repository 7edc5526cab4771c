using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;

namespace Inbox.Grains.Storage;

/// <summary>Creates the grains' tables before the silo starts taking calls, so no write path needs a create-if-missing step.</summary>
internal sealed class TableInitializer(TableServiceClient tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
