using Azure.Data.Tables;
using Inbox.Grains.Audit;
using Inbox.Grains.Channels;
using Inbox.Grains.Conversations;
using Inbox.Grains.Security;
using Inbox.Grains.Storage;
using Inbox.Grains.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Grains;

/// <summary>Registers what the grains need besides Orleans itself: the table clients and the stores over them.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>Adds the message log, the conversation index, the user directory and the start-up step that creates their tables.</summary>
    public static IServiceCollection AddInboxGrainServices(this IServiceCollection services, string storageConnectionString)
    {
        services.AddSingleton(new TableServiceClient(storageConnectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MessageLog>();
        services.AddSingleton<ConversationIndex>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditTrail>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.TryAddSingleton<IPasswordHasher<UserState>, PasswordHasher<UserState>>();
        services.AddHostedService<TableInitializer>();
        return services;
    }

    /// <summary>The grains' own silo configuration: their state storage and the authorization filter on every call.</summary>
    public static ISiloBuilder AddInboxGrains(this ISiloBuilder silo, TableServiceClient tables)
    {
        silo.AddAzureTableGrainStorage(GrainStorage.Name, o => o.TableServiceClient = tables);
        silo.AddIncomingGrainCallFilter<CallerAuthorizationFilter>();
        return silo;
    }
}
