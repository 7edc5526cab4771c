using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Tests.Audit;

[Collection(GrainCluster.Name)]
public sealed class AuditLogTests(GrainClusterFixture fixture)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Each_change_writes_exactly_one_entry_with_the_right_actor_and_address()
    {
        var organisationId = await NewOrganisationAsync();
        var admin = Caller.User(organisationId, "u_admin", "Ada Admin", UserRole.Admin, [], [], "10.0.0.1");
        CallerContext.Set(admin);
        var user = fixture.Grains.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_new"));
        var invitation = await user.InviteAsync(new UserInvite("Nina", $"{Guid.NewGuid():N}@acme.test", UserRole.Agent, [], ["web"]));
        await user.UpdateAsync(new UserChange(null, UserRole.Supervisor, null, null));
        await user.UpdateAsync(new UserChange("Nina N.", null, null, null));
        await fixture.Grains.GetGrain<IOrganisationGrain>(organisationId).SaveTeamAsync("tier2", "Tier 2");

        CallerContext.Set(Caller.Service("gateway") with { From = "10.0.0.2" });
        await user.AcceptInvitationAsync(invitation.Token, Password);
        await user.SignInAsync("wrong password");
        await user.SignInAsync(Password);

        CallerContext.Set(admin);
        await user.DeactivateAsync();
        await user.ReactivateAsync();

        var entries = (await ReadAllAsync(organisationId)).Where(e => e.Record.SubjectId is "u_new" or "tier2").Reverse().ToList();
        Assert.Equal(
            [
                (AuditActions.UserInvited, "u_admin", "10.0.0.1"),
                (AuditActions.RoleChanged, "u_admin", "10.0.0.1"),
                (AuditActions.UserChanged, "u_admin", "10.0.0.1"),
                (AuditActions.TeamSaved, "u_admin", "10.0.0.1"),
                (AuditActions.InvitationAccepted, "u_new", "10.0.0.2"),
                (AuditActions.SignInFailed, "u_new", "10.0.0.2"),
                (AuditActions.SignedIn, "u_new", "10.0.0.2"),
                (AuditActions.UserDeactivated, "u_admin", "10.0.0.1"),
                (AuditActions.UserReactivated, "u_admin", "10.0.0.1"),
            ],
            entries.Select(e => (e.Record.Action, e.Record.ActorId, e.Record.From!)));

        var roleChange = entries[1].Record;
        Assert.Contains("\"role\":\"agent\"", roleChange.Before, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"supervisor\"", roleChange.After, StringComparison.Ordinal);
        Assert.DoesNotContain("password", roleChange.After!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_message_received_and_a_reply_sent_are_each_one_entry_and_a_redelivery_is_none()
    {
        var organisationId = await NewOrganisationAsync();
        var visitorId = GrainKeys.NewId("v");
        CallerContext.Set(Caller.Visitor(organisationId, "web", visitorId, "Visitor", "10.0.0.3"));
        var current = await fixture.Grains.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, "web", visitorId))
            .ResolveConversationAsync(Platform.WebChat, "Visitor");
        var conversation = fixture.Grains.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, current.ConversationId));
        await conversation.ReceiveAsync(new InboundMessage("m-1", "Hello"));
        await conversation.ReceiveAsync(new InboundMessage("m-1", "Hello"));

        CallerContext.Set(Caller.User(organisationId, "u_agent", "Alex", UserRole.Agent, ["web"], [], "10.0.0.4"));
        await conversation.ReplyAsync(new AgentReply("u_agent", "Alex", "Hi!", "c-1"));

        var entries = (await ReadAllAsync(organisationId)).Where(e => e.Record.SubjectId == current.ConversationId).Reverse().ToList();
        Assert.Equal(
            [(AuditActions.MessageReceived, CallerKind.Visitor, visitorId), (AuditActions.MessageSent, CallerKind.User, "u_agent")],
            entries.Select(e => (e.Record.Action, e.Record.ActorKind!.Value, e.Record.ActorId)));
        Assert.DoesNotContain("Hello", entries[0].Record.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_session_organisation_and_export_changes_are_each_one_entry_with_the_right_actor()
    {
        var organisationId = await NewOrganisationAsync();
        var admin = Caller.User(organisationId, "u_admin", "Ada Admin", UserRole.Admin, [], [], "10.0.0.5");
        CallerContext.Set(admin);
        var channel = fixture.Grains.GetGrain<IChannelGrain>(GrainKeys.Compose(organisationId, "site"));
        var token = GrainKeys.NewId("token");
        await channel.ConnectWebChatAsync("Acme site", token);
        await channel.ConnectWebChatAsync("Acme site", token); // already connected: no second entry
        await channel.SetCredentialsAsync(new Dictionary<string, string> { ["accessToken"] = "secret-token" });
        await fixture.Grains.GetGrain<IOrganisationGrain>(organisationId).RenameAsync("Acme Care");
        await Reader(organisationId).RecordExportAsync(new AuditQuery(Today, Today, null, "user", null, 100, null));

        var user = fixture.Inside.GetGrain<IUserGrain>(GrainKeys.Compose(organisationId, "u_sam"));
        await user.CreateAsync(new NewUser("Sam", $"{Guid.NewGuid():N}@acme.test", UserRole.Agent, Password, [], []));
        CallerContext.Set(Caller.Service("gateway") with { From = "10.0.0.6" });
        await fixture.Grains.GetGrain<IUserGrain>(user.GetPrimaryKeyString()).EndSessionAsync("laptop", fixture.Time.GetUtcNow().AddHours(1));
        await fixture.Grains.GetGrain<IUserGrain>(user.GetPrimaryKeyString()).EndAllSessionsAsync();

        var entries = (await ReadAllAsync(organisationId)).Reverse().Select(e => (e.Record.Action, e.Record.ActorId, e.Record.From)).ToList();
        Assert.Equal(
            [
                (AuditActions.ChannelConnected, "u_admin", "10.0.0.5"),
                (AuditActions.CredentialsChanged, "u_admin", "10.0.0.5"),
                (AuditActions.OrganisationRenamed, "u_admin", "10.0.0.5"),
                (AuditActions.AuditExported, "u_admin", "10.0.0.5"),
                (AuditActions.UserCreated, "u_admin", "10.0.0.5"),
                (AuditActions.SignedOut, "u_sam", "10.0.0.6"),
                (AuditActions.SignedOutEverywhere, "u_sam", "10.0.0.6"),
            ],
            entries.Where(e => e.Action != AuditActions.TeamSaved));
        Assert.DoesNotContain(await ReadAllAsync(organisationId), e => e.Record.After?.Contains("secret-token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Concurrent_appends_form_one_gapless_chain_that_verifies_and_survives_reactivation()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        var log = fixture.Inside.GetGrain<IAuditLogGrain>(partition);

        var first = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => log.AppendAsync(Record($"subject-{i}"))));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), first.Select(e => e.Sequence).Order());

        // The point of blocks: appends that arrive together cost the table one entity per transaction, not one each
        // (at least 3, since a block holds at most 100 entries).
        Assert.InRange(await CountRowsAsync(partition), 3, 100);

        await fixture.DeactivateAsync(log);
        var after = await log.AppendAsync(Record("after-reactivation"));
        Assert.Equal(301, after.Sequence);

        var verification = await Reader(organisationId).VerifyAsync(Today, Today);
        Assert.Null(verification.FirstBroken);
        Assert.Equal(301, verification.Entries);
    }

    [Fact]
    public async Task Appends_one_at_a_time_fill_blocks_of_a_hundred_and_a_reactivated_log_goes_on_filling_the_last()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        var log = fixture.Inside.GetGrain<IAuditLogGrain>(partition);

        // A quiet partition: each append is alone in its request, yet the partition gains a row per 100 entries, not per append.
        for (var i = 1; i <= 150; i++)
        {
            Assert.Equal(i, (await log.AppendAsync(Record($"subject-{i}"))).Sequence);
        }

        Assert.Equal(2, await CountRowsAsync(partition));

        // A new activation (its saved head is older) finds the open block's newer entries and goes on after them.
        await fixture.DeactivateAsync(log);
        for (var i = 151; i <= 210; i++)
        {
            Assert.Equal(i, (await log.AppendAsync(Record($"subject-{i}"))).Sequence);
        }

        Assert.Equal(3, await CountRowsAsync(partition));
        var verification = await Reader(organisationId).VerifyAsync(Today, Today);
        Assert.Null(verification.FirstBroken);
        Assert.Equal(210, verification.Entries);
        var read = (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, null, 500, null))).Items;
        Assert.Equal(Enumerable.Range(1, 210).Reverse().Select(i => (long)i), read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_writer_whose_picture_of_the_newest_block_is_stale_writes_nothing()
    {
        var partition = AuditStore.Partition(GrainKeys.NewId("org"), Today, 0);
        var cancellation = TestContext.Current.CancellationToken;
        var first = Chain(partition, 1, 3, "");
        var newest = await Store.AppendAsync(partition, first, null, cancellation);
        Assert.NotNull(newest);

        // Another writer reads the partition and extends the block.
        var (entries, seen) = await Store.ReadNewerAsync(partition, 0, cancellation);
        Assert.Equal([3L, 2L, 1L], entries.Select(e => e.Sequence));
        Assert.NotNull(await Store.AppendAsync(partition, Chain(partition, 4, 2, first[^1].Hash), seen, cancellation));

        // The first writer, still holding the block as it left it, can neither extend it nor start the next block.
        Assert.Null(await Store.AppendAsync(partition, Chain(partition, 4, 1, first[^1].Hash), newest, cancellation));
        Assert.Null(await Store.AppendAsync(partition, Chain(partition, 4, 100, first[^1].Hash), newest, cancellation));

        var (all, _) = await Store.ReadNewerAsync(partition, 0, cancellation);
        Assert.Equal([5L, 4L, 3L, 2L, 1L], all.Select(e => e.Sequence));
        Assert.Equal(1, await CountRowsAsync(partition));
    }

    /// <summary>Entries <paramref name="from"/> onwards, chained after <paramref name="previous"/>.</summary>
    private List<AuditStoredEntry> Chain(string partition, long from, int count, string previous)
    {
        var entries = new List<AuditStoredEntry>();
        for (var sequence = from; sequence < from + count; sequence++)
        {
            var content = Record($"subject-{sequence}");
            var hash = AuditChain.Hash(partition, sequence, content, previous);
            entries.Add(new AuditStoredEntry(partition, sequence, content, previous, hash));
            previous = hash;
        }

        return entries;
    }

    [Fact]
    public async Task Entries_written_together_are_one_entity_and_read_back_in_order_with_their_hashes()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        var written = await WriteBlocksAsync(partition, [100]);

        Assert.Equal(1, await CountRowsAsync(partition));
        var read = (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, null, 200, null))).Items;
        Assert.Equal(written.Select(e => e.ToEntry()).Reverse(), read);
        Assert.Equal((100L, written[^1].Hash), (read[0].Sequence, read[0].Hash));

        var verification = await Reader(organisationId).VerifyAsync(Today, Today);
        Assert.Null(verification.FirstBroken);
        Assert.Equal(100, verification.Entries);
    }

    [Fact]
    public async Task Altering_an_entry_inside_a_block_or_deleting_a_block_in_storage_is_detected_by_verify()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        await WriteBlocksAsync(partition, [3, 3, 3]);
        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);

        // Entry 5 is the second of the block that starts at 4.
        var block = (await Table.GetEntityAsync<TableEntity>(partition, AuditStore.RowKey(4), cancellationToken: TestContext.Current.CancellationToken)).Value;
        var original = block.GetString("E001");
        var fifth = JsonNode.Parse(original)!;
        Assert.Equal(5, fifth["seq"]!.GetValue<long>());
        fifth["action"] = "user.promoted_to_owner";
        await ReplaceAsync(block, "E001", fifth.ToJsonString());

        var altered = (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken;
        Assert.Equal((partition, 5L), (altered!.Partition, altered.Sequence));
        Assert.Contains("altered", altered.Reason, StringComparison.Ordinal);

        // An entry edited into something that is no longer an entry at all is a hole in the chain.
        await ReplaceAsync(block, "E001", "{\"seq\":5,");
        var unreadable = (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken;
        Assert.Equal(5L, unreadable!.Sequence);
        Assert.Contains("missing", unreadable.Reason, StringComparison.Ordinal);

        // Restored, then the middle block deleted: the chain has a hole from 4 to 6.
        await ReplaceAsync(block, "E001", original);
        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);
        await Table.DeleteEntityAsync(partition, AuditStore.RowKey(4), cancellationToken: TestContext.Current.CancellationToken);

        var missing = (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken;
        Assert.Equal(4L, missing!.Sequence);
        Assert.Contains("entries 4 to 6 are missing", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_that_stops_inside_a_block_continues_with_the_next_entry()
    {
        var organisationId = GrainKeys.NewId("org");
        var written = await WriteBlocksAsync(AuditStore.Partition(organisationId, Today, 0), [10, 10, 10, 10, 10, 10]);

        var seen = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            // Pages of 7 end at 54, 47, 40, …: inside blocks, and now and then at a block's end.
            var page = await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, null, 7, cursor));
            Assert.InRange(page.Items.Count, 0, 7);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(written.Select(e => e.ToEntry()).Reverse(), seen);

        // Verification reads the whole partition, more rows than the table's first page brings.
        var verification = await Reader(organisationId).VerifyAsync(Today, Today);
        Assert.Equal((null, 60L), (verification.FirstBroken, verification.Entries));
    }

    [Fact]
    public async Task Actor_subject_and_action_prefix_filters_pick_entries_out_of_blocks()
    {
        var organisationId = GrainKeys.NewId("org");
        string[] actions = ["user", "user.deactivated", "users.created", "user_x.changed", "team.saved", "user.role_changed"];
        var written = await WriteBlocksAsync(
            AuditStore.Partition(organisationId, Today, 0),
            [7, 8, 9],
            sequence => Record($"s{sequence % 3}") with { ActorId = sequence % 2 == 0 ? "u_even" : "u_odd", Action = actions[sequence % actions.Length] });

        async Task<IEnumerable<long>> QueryAsync(string? actor, string? action, string? subject) =>
            (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, actor, action, subject, 200, null))).Items.Select(e => e.Sequence);
        IEnumerable<long> Expected(Func<AuditRecord, bool> match) => written.Where(e => match(e.Record)).Select(e => e.Sequence).Reverse();

        Assert.Equal(Expected(r => r.ActorId == "u_odd"), await QueryAsync("u_odd", null, null));
        Assert.Equal(Expected(r => r.SubjectId == "s1"), await QueryAsync(null, null, "s1"));
        var users = Expected(r => r.Action is "user" or "user.deactivated" or "user.role_changed").ToList();
        Assert.Equal(12, users.Count);
        Assert.Equal(users, await QueryAsync(null, "user", null));
        var all = Expected(r => r.Action == "user.deactivated" && r.ActorId == "u_odd" && r.SubjectId == "s1").ToList();
        Assert.Equal(4, all.Count);
        Assert.Equal(all, await QueryAsync("u_odd", "user.deactivated", "s1"));
    }

    [Fact]
    public async Task A_very_large_before_and_after_round_trip_intact_and_no_property_passes_the_table_limit()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        var log = fixture.Inside.GetGrain<IAuditLogGrain>(partition);

        // Quotes, markup and non-ASCII (a surrogate pair too) grow when escaped; all of it must come back as it was.
        var before = string.Concat(Enumerable.Repeat("{\"name\":\"Zoë <b>&</b> 😀\"}\n", 2_000));
        var after = new string('x', 40_000);
        var large = Record("large") with { Before = before, After = after };
        var appended = await Task.WhenAll(log.AppendAsync(Record("small-1")), log.AppendAsync(large), log.AppendAsync(Record("small-2")));

        var read = (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, null, 200, null))).Items;
        Assert.Equal(appended.OrderByDescending(e => e.Sequence), read);
        var stored = read.Single(e => e.Record.SubjectId == "large").Record;
        Assert.Equal((before, after), (stored.Before, stored.After));

        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.All(row.Select(p => p.Value).OfType<string>(), value => Assert.InRange(value.Length, 0, 32_768));
        }

        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);
    }

    [Fact]
    public async Task A_record_too_large_for_any_block_is_refused_alone()
    {
        var organisationId = GrainKeys.NewId("org");
        var log = fixture.Inside.GetGrain<IAuditLogGrain>(AuditStore.Partition(organisationId, Today, 0));

        var huge = log.AppendAsync(Record("huge") with { After = new string('x', 600_000) });
        var small = log.AppendAsync(Record("small"));

        await Assert.ThrowsAsync<ArgumentException>(() => huge);
        Assert.Equal(1, (await small).Sequence);
        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);
    }

    [Fact]
    public async Task Rows_written_one_per_entry_before_blocks_are_read_verified_and_chained_onto()
    {
        var organisationId = GrainKeys.NewId("org");
        var partition = AuditStore.Partition(organisationId, Today, 0);
        var previous = "";
        var legacy = new List<AuditEntry>();
        foreach (var (sequence, record) in new[] { (1L, Record("legacy-1")), (2L, Record("legacy-2") with { ActorKind = CallerKind.User, ActorId = "u_1", From = "10.0.0.9", Before = "{}", After = "{\"a\":1}" }) })
        {
            var hash = AuditChain.Hash(partition, sequence, record, previous);
            await Table.AddEntityAsync(LegacyRow(partition, sequence, record, previous, hash), TestContext.Current.CancellationToken);
            legacy.Add(new AuditEntry(partition, sequence, record, hash));
            previous = hash;
        }

        var log = fixture.Inside.GetGrain<IAuditLogGrain>(partition);
        var appended = await Task.WhenAll(log.AppendAsync(Record("new-3")), log.AppendAsync(Record("new-4")));
        Assert.Equal([3L, 4L], appended.Select(e => e.Sequence).Order());

        var read = (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, null, 200, null))).Items;
        Assert.Equal(legacy.Concat(appended.OrderBy(e => e.Sequence)).Reverse(), read);
        Assert.Equal(["legacy-2"], (await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, "u_1", null, null, 200, null))).Items.Select(e => e.Record.SubjectId));
        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);

        var first = (await Table.GetEntityAsync<TableEntity>(partition, AuditStore.RowKey(1), cancellationToken: TestContext.Current.CancellationToken)).Value;
        first["Action"] = "user.promoted_to_owner";
        await Table.UpdateEntityAsync(first, ETag.All, TableUpdateMode.Merge, TestContext.Current.CancellationToken);
        var altered = (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken;
        Assert.Equal(1L, altered!.Sequence);
        Assert.Contains("altered", altered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_through_every_shard_newest_first_without_repeats_and_filters_by_actor_action_and_subject()
    {
        var organisationId = GrainKeys.NewId("org");
        var audit = Trail(shards: 3);
        for (var i = 0; i < 25; i++)
        {
            CallerContext.Set(Caller.User(organisationId, i % 2 == 0 ? "u_even" : "u_odd", "Someone", UserRole.Admin, [], [], null));
            await audit.RecordAsync(organisationId, i % 5 == 0 ? AuditActions.UserDeactivated : AuditActions.TeamSaved, "team", $"t{i}");
        }

        var seen = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await Reader(organisationId).QueryAsync(new AuditQuery(Today.AddDays(-1), Today, null, null, null, 4, cursor));
            Assert.InRange(page.Items.Count, 0, 4);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(25, seen.Select(e => e.Record.SubjectId).Distinct().Count());
        Assert.Equal(25, seen.Count);
        Assert.Equal(3, seen.Select(e => e.Partition).Distinct().Count());
        Assert.Equal(seen.Select(e => e.Record.At).OrderDescending(), seen.Select(e => e.Record.At));

        var odd = await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, "u_odd", null, null, 100, null));
        Assert.Equal(12, odd.Items.Count);
        var deactivations = await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, "user", null, 100, null));
        Assert.Equal(5, deactivations.Items.Count);
        var one = await Reader(organisationId).QueryAsync(new AuditQuery(Today, Today, null, null, "t7", 100, null));
        Assert.Equal("t7", one.Items.Single().Record.SubjectId);
    }

    [Fact]
    public async Task Pages_run_across_days_newest_day_first_and_an_empty_day_between_is_skipped()
    {
        var organisationId = GrainKeys.NewId("org");
        var audit = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<AuditTrail>();
        var first = Today;
        for (var day = 0; day < 3; day++)
        {
            if (day != 1)
            {
                for (var i = 0; i < 4; i++)
                {
                    await audit.RecordAsync(organisationId, AuditActions.TeamSaved, "team", $"d{day}-t{i}");
                }
            }

            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var seen = new List<AuditEntry>();
        string? cursor = null;
        do
        {
            var page = await Reader(organisationId).QueryAsync(new AuditQuery(first, first.AddDays(2), null, null, null, 3, cursor));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(8, seen.Count);
        Assert.Equal(8, seen.Select(e => e.Record.SubjectId).Distinct().Count());
        Assert.Equal(["d2", "d2", "d2", "d2", "d0", "d0", "d0", "d0"], seen.Select(e => e.Record.SubjectId[..2]));
        Assert.Null((await Reader(organisationId).VerifyAsync(first, first.AddDays(2))).FirstBroken);
    }

    [Fact]
    public async Task A_day_keeps_the_shard_count_its_first_entry_fixed_and_the_setting_going_down_applies_from_the_next_day()
    {
        var organisationId = GrainKeys.NewId("org");
        var configuredOne = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<AuditTrail>();
        var configuredThree = Trail(shards: 3);
        var first = Today;
        for (var i = 0; i < 6; i++)
        {
            await configuredThree.RecordAsync(organisationId, AuditActions.TeamSaved, "team", $"early-{i}");
            await configuredOne.RecordAsync(organisationId, AuditActions.TeamSaved, "team", $"late-{i}");
        }

        // The silo configured with one shard wrote into the day's three, which readers (configured with one) read.
        Assert.Equal(3, await Store.ReadShardsAsync(organisationId, first, TestContext.Current.CancellationToken));
        var day = await Reader(organisationId).QueryAsync(new AuditQuery(first, first, null, null, null, 100, null));
        Assert.Equal(12, day.Items.Count);
        Assert.Equal(3, day.Items.Select(e => e.Partition).Distinct().Count());

        fixture.Time.Advance(TimeSpan.FromDays(1));
        await configuredOne.RecordAsync(organisationId, AuditActions.TeamSaved, "team", "next-day");
        Assert.Equal(1, await Store.ReadShardsAsync(organisationId, Today, TestContext.Current.CancellationToken));

        var both = await Reader(organisationId).QueryAsync(new AuditQuery(first, Today, null, null, null, 100, null));
        Assert.Equal(["next-day", .. day.Items.Select(e => e.Record.SubjectId)], both.Items.Select(e => e.Record.SubjectId));
        var verification = await Reader(organisationId).VerifyAsync(first, Today);
        Assert.Equal((4, 13L, (AuditBrokenLink?)null), (verification.Partitions, verification.Entries, verification.FirstBroken));
    }

    [Fact]
    public async Task A_day_written_before_shard_counts_were_stored_is_read_and_verified_across_its_four_shards()
    {
        var organisationId = GrainKeys.NewId("org");
        for (var shard = 0; shard < AuditStore.UnrecordedDayShards; shard++)
        {
            await WriteBlocksAsync(AuditStore.Partition(organisationId, Today, shard), [2]);
        }

        Assert.Null(await Store.ReadShardsAsync(organisationId, Today, TestContext.Current.CancellationToken));
        Assert.Equal(8, (await ReadAllAsync(organisationId)).Count);
        var verification = await Reader(organisationId).VerifyAsync(Today, Today);
        Assert.Equal((4, 8L, (AuditBrokenLink?)null), (verification.Partitions, verification.Entries, verification.FirstBroken));
    }

    [Fact]
    public async Task A_shard_count_lowered_in_storage_to_hide_partitions_is_reported_by_verify()
    {
        var organisationId = GrainKeys.NewId("org");
        var audit = Trail(shards: 3);
        for (var i = 0; i < 6; i++)
        {
            await audit.RecordAsync(organisationId, AuditActions.TeamSaved, "team", $"t{i}");
        }

        var partitions = await Store.PartitionsOfDayAsync(organisationId, Today, TestContext.Current.CancellationToken);
        Assert.Equal(3, partitions.Count);
        Assert.Null((await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken);

        // Rewritten to one shard, readers would see only shard 0's entries; verify names the first partition left out.
        var dayRow = new TableEntity(AuditStore.DayPartition(organisationId, Today), AuditStore.DayRow) { [AuditStore.ShardsProperty] = 1 };
        await Table.UpdateEntityAsync(dayRow, ETag.All, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
        var broken = (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken;
        Assert.Equal(partitions.ElementAt(1), broken!.Partition);
        Assert.Contains("leaves this partition out", broken.Reason, StringComparison.Ordinal);

        // Rewritten to no shards at all: verify names the first partition, and a writer refuses the count (a new writer,
        // which has not remembered the day's count as the one above has).
        dayRow[AuditStore.ShardsProperty] = 0;
        await Table.UpdateEntityAsync(dayRow, ETag.All, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
        Assert.Equal(partitions.First(), (await Reader(organisationId).VerifyAsync(Today, Today)).FirstBroken!.Partition);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Trail(shards: 3).RecordAsync(organisationId, AuditActions.TeamSaved, "team", "t6"));
        Assert.Contains("not a count of partitions", refused.Message, StringComparison.Ordinal);
    }

    private DateOnly Today => DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime);

    // A writer configured with a shard count other than the test silo's (one).
    private AuditTrail Trail(int shards) =>
        new(fixture.Inside, fixture.Time, Options.Create(new AuditOptions { Shards = shards }), Store);

    private TableClient Table => fixture.Tables.GetTableClient(TableNames.Audit);

    private AuditStore Store => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<AuditStore>();

    /// <summary>Writes entries 1, 2, … of a partition, chained as the log chains them, one append (one block) per size.</summary>
    private async Task<List<AuditStoredEntry>> WriteBlocksAsync(string partition, int[] sizes, Func<long, AuditRecord>? record = null)
    {
        var written = new List<AuditStoredEntry>();
        foreach (var size in sizes)
        {
            var block = new List<AuditStoredEntry>();
            for (var i = 0; i < size; i++)
            {
                var sequence = written.Count + block.Count + 1L;
                var content = record?.Invoke(sequence) ?? Record($"subject-{sequence}");
                var previous = block.Count > 0 ? block[^1].Hash : written.Count > 0 ? written[^1].Hash : "";
                block.Add(new AuditStoredEntry(partition, sequence, content, previous, AuditChain.Hash(partition, sequence, content, previous)));
            }

            Assert.NotNull(await Store.AppendAsync(partition, block, null, TestContext.Current.CancellationToken));
            written.AddRange(block);
        }

        return written;
    }

    private async Task<int> CountRowsAsync(string partition)
    {
        var rows = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: TestContext.Current.CancellationToken))
        {
            rows++;
        }

        return rows;
    }

    private async Task ReplaceAsync(TableEntity block, string property, string value)
    {
        block[property] = value;
        await Table.UpdateEntityAsync(block, ETag.All, TableUpdateMode.Merge, TestContext.Current.CancellationToken);
    }

    // The shape of a row as the log wrote it before blocks: one entry, a property per field (none for a null).
    private static TableEntity LegacyRow(string partition, long sequence, AuditRecord record, string previousHash, string hash)
    {
        var row = new TableEntity(partition, AuditStore.RowKey(sequence))
        {
            ["Sequence"] = sequence,
            ["At"] = record.At,
            ["ActorKind"] = record.ActorKind?.ToString() ?? "",
            ["ActorId"] = record.ActorId,
            ["ActorName"] = record.ActorName,
            ["Action"] = record.Action,
            ["SubjectType"] = record.SubjectType,
            ["SubjectId"] = record.SubjectId,
            ["PreviousHash"] = previousHash,
            ["Hash"] = hash,
        };
        foreach (var (name, value) in new[] { ("FromAddress", record.From), ("Before", record.Before), ("After", record.After) })
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }

        return row;
    }

    private AuditRecord Record(string subject) =>
        new(fixture.Time.GetUtcNow(), null, "system", "System", null, "test.happened", "test", subject, null, null);

    private IAuditReaderGrain Reader(string organisationId) => fixture.Inside.GetGrain<IAuditReaderGrain>(organisationId);

    private async Task<IReadOnlyList<AuditEntry>> ReadAllAsync(string organisationId) =>
        (await Reader(organisationId).QueryAsync(new AuditQuery(Today.AddDays(-1), Today, null, null, null, 200, null))).Items;

    private async Task<string> NewOrganisationAsync()
    {
        var organisationId = GrainKeys.NewId("org");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).EnsureAsync("Acme");
        await fixture.Inside.GetGrain<IOrganisationGrain>(organisationId).AddChannelAsync("web");
        return organisationId;
    }
}
