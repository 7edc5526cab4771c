using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Inbox.Hosting;

/// <summary>Reads and validates options needed while the host is still being built.</summary>
public static class InboxConfiguration
{
    /// <summary>Binds <paramref name="sectionName"/> to a new <typeparamref name="T"/> and validates its data annotations.</summary>
    public static T Read<T>(IConfiguration configuration, string sectionName) where T : class, new()
    {
        var options = configuration.GetSection(sectionName).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            var problems = string.Join("; ", results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            throw new InvalidOperationException($"Configuration section '{sectionName}' is invalid: {problems}");
        }

        return options;
    }
}
